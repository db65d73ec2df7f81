using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace ClusterRegistry.Analyzers.Collection
{
    /// <summary>
    /// Gathers the operation blocks of one stack class while the compiler analyses its members (concurrently), then
    /// interprets them in source order once the class is complete, after the blocks it inherits from source base stack
    /// classes (<see cref="BaseStackBlocks"/>).
    /// </summary>
    internal sealed class StackCollector
    {
        private readonly object gate = new object();
        private readonly List<(ISymbol Owner, IOperation Block)> blocks = new List<(ISymbol, IOperation)>();
        private List<BaseBlock> inherited = new List<BaseBlock>();
        private IReadOnlyList<INamedTypeSymbol> bases = System.Array.Empty<INamedTypeSymbol>();
        private bool basesComplete = true;

        public StackCollector(KnownTypes types, INamedTypeSymbol stackClass)
        {
            Types = types;
            StackClass = stackClass;
        }

        public KnownTypes Types { get; }

        public INamedTypeSymbol StackClass { get; }

        /// <summary>True when <paramref name="tree"/> holds part of this class (a location the analyzer may report at).</summary>
        public bool Contains(SyntaxTree? tree)
        {
            if (tree is null)
            {
                return false;
            }

            foreach (var r in StackClass.DeclaringSyntaxReferences)
            {
                if (r.SyntaxTree == tree)
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>
        /// True when <paramref name="location"/> lies in this class's own declaration and not inside a base class declared in
        /// the same file: a finding about an inherited declaration is reported on this class's name instead, since the base
        /// is shared by other stacks and each would report it at the same span.
        /// </summary>
        public bool IsOwnLocation(Location location)
        {
            return location.IsInSource && Contains(location.SourceTree) && BaseDeclaring(location) is null;
        }

        /// <summary>The base stack class whose declaration holds <paramref name="location"/> (the nearest), or null.</summary>
        public INamedTypeSymbol? BaseDeclaring(Location location)
        {
            foreach (var b in bases)
            {
                foreach (var r in b.DeclaringSyntaxReferences)
                {
                    if (r.SyntaxTree == location.SourceTree && r.Span.Contains(location.SourceSpan))
                    {
                        return b;
                    }
                }
            }

            return null;
        }

        /// <summary>Takes the inherited blocks (call once, at symbol end, when every base is declared).</summary>
        public void AddInherited(BaseStackBlocks source, CancellationToken cancellationToken)
        {
            inherited = source.For(StackClass, out bases, out basesComplete, cancellationToken);
        }

        /// <summary>Records a member's blocks; blocks of nested types are not this class's declarations.</summary>
        public void Add(ISymbol owner, IEnumerable<IOperation> operationBlocks)
        {
            if (owner is null || !SymbolEqualityComparer.Default.Equals(owner.ContainingType?.OriginalDefinition, StackClass.OriginalDefinition))
            {
                return;
            }

            lock (gate)
            {
                foreach (var b in operationBlocks)
                {
                    if (b is not null)
                    {
                        blocks.Add((owner, b));
                    }
                }
            }
        }

        /// <summary>Interprets every block: field initialisers and constructors first, then other members, each in source order.</summary>
        public (StackDeclarations Declarations, Resolver Resolver) Interpret()
        {
            List<(ISymbol Owner, IOperation Block)> snapshot;
            lock (gate)
            {
                snapshot = blocks.ToList();
            }

            // Initialisers and constructors first, the most distant base's first and this class's own last; then every
            // other method (a helper the constructors called has been interpreted there by then, see StackInterpreter.Run).
            // A constructor off the chain the stack is built through runs only maybe (ConstructorChain).
            var all = inherited.Concat(snapshot.Select(b => new BaseBlock(b.Owner, b.Block, 0))).ToList();
            var certain = ConstructorChain.Certain(StackClass, all.Select(b => (b.Owner, b.Block)), out var constructorArguments);
            var ordered = all
                .OrderBy(b => Rank(b.Owner) == 2)
                .ThenByDescending(b => b.Depth)
                .ThenBy(b => Rank(b.Owner))
                .ThenBy(b => b.Block.Syntax?.SyntaxTree?.FilePath ?? "", System.StringComparer.Ordinal)
                .ThenBy(b => b.Block.Syntax?.SpanStart ?? 0);
            var methodBodies = new Dictionary<IMethodSymbol, IOperation>(SymbolEqualityComparer.Default);
            foreach (var b in all)
            {
                if (b.Owner is IMethodSymbol { MethodKind: MethodKind.Ordinary } method && b.Block is IMethodBodyOperation or IBlockOperation)
                {
                    methodBodies[method.OriginalDefinition] = b.Block;
                }
            }

            var untracked = new HashSet<ILocalSymbol>(SymbolEqualityComparer.Default);
            var interpreter = new StackInterpreter(
                Types, StackClass, bases, open: !basesComplete || StackClass.IsAbstract, methodBodies, Scan(all, untracked), untracked);
            foreach (var b in ordered)
            {
                if (b.Owner is IMethodSymbol { MethodKind: MethodKind.Constructor } ctor)
                {
                    var definition = ctor.OriginalDefinition;
                    var maybe = certain is null ? ConstructorChain.HasAlternatives(ctor.ContainingType) : !certain.Contains(definition);
                    interpreter.Run(b.Block, b.Owner, maybe, constructorArguments.TryGetValue(definition, out var passed) ? passed : null);
                }
                else
                {
                    interpreter.Run(b.Block, b.Owner);
                }
            }

            return (interpreter.Result, new Resolver(interpreter.FieldAssignments));
        }

        // One walk over every block: the methods some block invokes or references (a delegate, a method group), by
        // definition, returned; and the locals whose writes cannot be ordered (WriteScan), added to untracked.
        private static HashSet<IMethodSymbol> Scan(IEnumerable<BaseBlock> blocks, ISet<ILocalSymbol> untracked)
        {
            var called = new HashSet<IMethodSymbol>(SymbolEqualityComparer.Default);
            foreach (var b in blocks)
            {
                foreach (var op in b.Block.DescendantsAndSelf())
                {
                    switch (op)
                    {
                        case IInvocationOperation call:
                            called.Add(call.TargetMethod.OriginalDefinition);
                            break;
                        case IMethodReferenceOperation reference:
                            called.Add(reference.Method.OriginalDefinition);
                            break;
                        case IAnonymousFunctionOperation or ILocalFunctionOperation or IVariableDeclaratorOperation:
                            WriteScan.Visit(op, untracked);
                            break;
                    }
                }
            }

            return called;
        }

        private static int Rank(ISymbol owner) => owner switch
        {
            IFieldSymbol or IPropertySymbol => 0,
            IMethodSymbol { MethodKind: MethodKind.Constructor } => 1,
            _ => 2,
        };
    }
}
