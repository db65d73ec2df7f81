using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace ClusterRegistry.Analyzers.Collection
{
    /// <summary>
    /// Walks the operation blocks of one stack class in source order and records the SDK objects it creates, with their
    /// constructor arguments, initialisers and later changes. It is an abstract interpreter with one rule: every write to
    /// a location it tracks (a local, a field, a property of an SDK object, a collection) is either modelled exactly or
    /// makes that location unknown, and an object handed to code it does not follow escapes (<see cref="SymValue.Escaped"/>:
    /// it and everything reachable from it become unknown). So a rule never fires on a guess.
    /// <para>The class is split by concern:</para>
    /// <list type="bullet">
    /// <item><c>StackInterpreter.cs</c>: state, entry point (<see cref="Run"/>), "maybe" scopes, what belongs to the stack class;</item>
    /// <item><c>Statements.cs</c>: blocks, declarations, returns, branches and loops;</item>
    /// <item><c>Expressions.cs</c>: values of expressions (constants, locals, fields, property reads, strings, conditionals);</item>
    /// <item><c>Assignments.cs</c>: every kind of write (=, op=, ++/--, ??=, deconstruction, ref/out) and escapes;</item>
    /// <item><c>Objects.cs</c>: SDK objects and collections (creation, initialisers, <c>Add</c>, members);</item>
    /// <item><c>Calls.cs</c>: invocations (SDK factories, TimeSpan, helpers of the stack inlined, everything else an escape).</item>
    /// </list>
    /// </summary>
    internal sealed partial class StackInterpreter
    {
        private const int MaxDepth = 64;

        private readonly KnownTypes types;
        private readonly StackDeclarations result;
        private readonly Dictionary<ISymbol, SymValue> locals = new Dictionary<ISymbol, SymValue>(SymbolEqualityComparer.Default);
        private readonly Dictionary<ISymbol, int> localDepth = new Dictionary<ISymbol, int>(SymbolEqualityComparer.Default);
        // Fields and auto-properties of the stack class and its bases: the values assigned to each.
        private readonly Dictionary<ISymbol, List<SymValue>> fieldAssignments = new Dictionary<ISymbol, List<SymValue>>(SymbolEqualityComparer.Default);
        private readonly IReadOnlyList<INamedTypeSymbol> bases;
        private readonly IReadOnlyDictionary<IMethodSymbol, IOperation> methodBodies;
        private readonly HashSet<IMethodSymbol> inlined = new HashSet<IMethodSymbol>(SymbolEqualityComparer.Default);
        private readonly ISet<IMethodSymbol>? called;
        private readonly ISet<ILocalSymbol> untracked;
        private readonly Stack<CallFrame> frames = new Stack<CallFrame>();

        // How many "maybe" scopes enclose the code being interpreted, and the id of the innermost one: a write to an
        // object created in another scope may not happen.
        private int conditional;
        private int scope;
        private int lastScope;

        // Inside a lambda or local function body: it runs whenever it is called (possibly after later writes), so what it
        // changes becomes unknown for good.
        private int deferred;

        // The scope id of the innermost lambda or local function: objects with a smaller scope id were created outside it.
        private int deferredScope;

        // Interpreting a field/property initialiser or a static constructor: they run before the stack's constructor.
        private bool beforeConstructor;
        private int depth;

        /// <param name="types">The SDK's types in this compilation.</param>
        /// <param name="stackClass">The stack class interpreted.</param>
        /// <param name="bases">Its source base stack classes, whose blocks run first and whose fields are its own too.</param>
        /// <param name="open">
        /// Declarations may exist that are not interpreted: a base that is not in source, or an abstract stack class, which
        /// derived classes complete.
        /// </param>
        /// <param name="methodBodies">
        /// The bodies of the ordinary methods of the class and its bases, by definition: a call to one of them is
        /// interpreted at its call site (<see cref="TryInline"/>).
        /// </param>
        /// <param name="called">
        /// Every method some block of the class or its bases invokes or references, by definition; null: unknown, assume
        /// every method may be called.
        /// </param>
        /// <param name="untracked">
        /// Locals written where the order of writes is not known (<see cref="WriteScan"/>): inside a lambda or local
        /// function, or through a <c>ref</c> local. They are always unknown.
        /// </param>
        public StackInterpreter(
            KnownTypes types, INamedTypeSymbol stackClass, IReadOnlyList<INamedTypeSymbol> bases, bool open,
            IReadOnlyDictionary<IMethodSymbol, IOperation>? methodBodies = null, ISet<IMethodSymbol>? called = null,
            ISet<ILocalSymbol>? untracked = null)
        {
            this.called = called;
            this.types = types;
            this.bases = bases;
            this.methodBodies = methodBodies ?? new Dictionary<IMethodSymbol, IOperation>(SymbolEqualityComparer.Default);
            this.untracked = untracked ?? new HashSet<ILocalSymbol>(SymbolEqualityComparer.Default);
            result = new StackDeclarations(stackClass) { Open = open };
        }

        public StackDeclarations Result => result;

        /// <summary>Values assigned to fields of the class (a field assigned once resolves to that value).</summary>
        public IReadOnlyDictionary<ISymbol, List<SymValue>> FieldAssignments => fieldAssignments;

        /// <summary>
        /// Interprets one member's operation block. Methods other than constructors run "maybe" (conditionally): on their
        /// own, nothing says they are ever called.
        /// </summary>
        /// <param name="block">The member's operation block.</param>
        /// <param name="owner">The member.</param>
        /// <param name="maybe">Run a constructor-like block conditionally too (a constructor off the chain that builds the stack).</param>
        /// <param name="arguments">
        /// For a constructor on that chain, what its caller's <c>: base(...)</c>/<c>: this(...)</c> passes, by parameter
        /// position (<see cref="ConstructorChain"/>); its parameters resolve to these values.
        /// </param>
        public void Run(IOperation block, ISymbol owner, bool maybe = false, Dictionary<int, SymValue>? arguments = null)
        {
            // A private, protected or private protected helper can only be called by the class hierarchy's own code, all of
            // which is interpreted. One already interpreted where it is called needs no second, conditional run (which
            // would also make the stack open); one that nothing calls or takes as a delegate never runs for this stack.
            // Public and internal ones may be called later from elsewhere (Program.cs): they run, as "maybe".
            if (owner is IMethodSymbol { MethodKind: MethodKind.Ordinary } helper &&
                helper.DeclaredAccessibility is Accessibility.Private or Accessibility.Protected or Accessibility.ProtectedAndInternal &&
                (inlined.Contains(helper.OriginalDefinition) || (called is not null && !called.Contains(helper.OriginalDefinition))))
            {
                return;
            }

            var isConstructorLike = owner is IMethodSymbol m && m.MethodKind == MethodKind.Constructor || owner is IFieldSymbol || owner is IPropertySymbol;
            var conditionally = maybe || !isConstructorLike;
            var outer = scope;
            if (conditionally)
            {
                // Resources declared here exist only if this runs, which is not known: the stack is open.
                result.Open = true;
                outer = EnterMaybe();
            }

            var frame = arguments is not null && owner is IMethodSymbol constructor
                ? new CallFrame(constructor.OriginalDefinition, new Dictionary<int, SymValue>(arguments), conditional)
                : null;
            if (frame is not null)
            {
                frames.Push(frame);
            }

            beforeConstructor = owner is IFieldSymbol || owner is IPropertySymbol || owner is IMethodSymbol { MethodKind: MethodKind.StaticConstructor };
            try
            {
                Exec(block);
            }
            finally
            {
                beforeConstructor = false;
                if (frame is not null)
                {
                    frames.Pop();
                }

                if (conditionally)
                {
                    ExitMaybe(outer);
                }
            }
        }

        /// <summary>Enters a scope that may or may not run (a branch, a loop body, a lambda); returns the scope to restore.</summary>
        private int EnterMaybe()
        {
            var outer = scope;
            conditional++;
            scope = ++lastScope;
            return outer;
        }

        private void ExitMaybe(int outer)
        {
            conditional--;
            scope = outer;
        }

        /// <summary>Enters a lambda or local function body (a "maybe" scope that may run later); returns what to restore.</summary>
        private (int Scope, int DeferredScope) EnterDeferred()
        {
            var saved = (EnterMaybe(), deferredScope);
            deferred++;
            deferredScope = scope;
            return saved;
        }

        private void ExitDeferred((int Scope, int DeferredScope) saved)
        {
            deferred--;
            deferredScope = saved.DeferredScope;
            ExitMaybe(saved.Scope);
        }

        /// <summary>True when a change to <paramref name="target"/> made here certainly happens whenever the object exists.</summary>
        private bool Certain(SymValue target) => deferred == 0 && scope == target.Scope;

        private bool IsOwnField(IFieldSymbol field) => !field.IsConst && field.ContainingType is { } owner && IsStackOrBase(owner);

        private bool IsStackOrBase(INamedTypeSymbol type)
        {
            if (SymbolEqualityComparer.Default.Equals(type.OriginalDefinition, result.StackClass.OriginalDefinition))
            {
                return true;
            }

            foreach (var b in bases)
            {
                if (SymbolEqualityComparer.Default.Equals(type.OriginalDefinition, b))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>
        /// A get-only or settable auto-property of the stack class or a base (<c>protected RobotAccount PullRobot { get; }</c>):
        /// it holds a value like a field, so it resolves like one.
        /// </summary>
        private bool IsOwnAutoProperty(IPropertySymbol property)
        {
            if (property.Parameters.Length != 0 || property.IsAbstract || property.IsVirtual || property.IsOverride ||
                property.ContainingType is not { } owner || !IsStackOrBase(owner))
            {
                return false;
            }

            foreach (var r in property.DeclaringSyntaxReferences)
            {
                if (r.GetSyntax() is not PropertyDeclarationSyntax { AccessorList: { } accessors, ExpressionBody: null })
                {
                    return false;
                }

                foreach (var a in accessors.Accessors)
                {
                    if (a.Body is not null || a.ExpressionBody is not null)
                    {
                        return false;
                    }
                }
            }

            return !property.DeclaringSyntaxReferences.IsDefaultOrEmpty;
        }
    }
}
