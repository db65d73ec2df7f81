using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace ClusterRegistry.Analyzers.Collection
{
    /// <summary>
    /// Walks the operation blocks of one stack class in source order and records the SDK objects it creates, with their
    /// constructor arguments, initialisers and later property assignments. It is an abstract interpreter with one rule:
    /// whatever it cannot follow becomes <see cref="SymUnknown"/> (or marks an object or collection open), so a rule
    /// never fires on a guess.
    /// </summary>
    internal sealed class StackInterpreter
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
        private readonly Stack<CallFrame> frames = new Stack<CallFrame>();
        private int conditional;
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
        public StackInterpreter(
            KnownTypes types, INamedTypeSymbol stackClass, IReadOnlyList<INamedTypeSymbol> bases, bool open,
            IReadOnlyDictionary<IMethodSymbol, IOperation>? methodBodies = null, ISet<IMethodSymbol>? called = null)
        {
            this.called = called;
            this.types = types;
            this.bases = bases;
            this.methodBodies = methodBodies ?? new Dictionary<IMethodSymbol, IOperation>(SymbolEqualityComparer.Default);
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
            if (conditionally)
            {
                // Resources declared here exist only if this runs, which is not known: the stack is open.
                result.Open = true;
                conditional++;
            }

            var frame = arguments is not null && owner is IMethodSymbol constructor
                ? new CallFrame(constructor.OriginalDefinition, new Dictionary<int, SymValue>(arguments), conditional)
                : null;
            if (frame is not null)
            {
                frames.Push(frame);
            }

            try
            {
                Exec(block);
            }
            finally
            {
                if (frame is not null)
                {
                    frames.Pop();
                }

                if (conditionally)
                {
                    conditional--;
                }
            }
        }

        private void Exec(IOperation? op)
        {
            if (op is null)
            {
                return;
            }

            if (++depth > MaxDepth)
            {
                depth--;
                result.Open = true;
                return;
            }

            try
            {
                ExecCore(op);
            }
            finally
            {
                depth--;
            }
        }

        private void ExecCore(IOperation op)
        {
            switch (op)
            {
                case IBlockOperation block:
                    foreach (var s in block.Operations)
                    {
                        Exec(s);
                    }

                    break;
                case IConstructorBodyOperation body:
                    Exec(body.Initializer);
                    Exec(body.BlockBody);
                    Exec(body.ExpressionBody);
                    break;
                case IMethodBodyOperation body:
                    Exec(body.BlockBody);
                    Exec(body.ExpressionBody);
                    break;
                case IExpressionStatementOperation stmt:
                    Eval(stmt.Operation);
                    break;
                case IVariableDeclarationGroupOperation group:
                    foreach (var decl in group.Declarations)
                    {
                        foreach (var d in decl.Declarators)
                        {
                            var init = d.Initializer?.Value ?? decl.Initializer?.Value;
                            var value = init is null ? new SymUnknown(d.Syntax.GetLocation()) : Eval(init);
                            if (d.Symbol is not null)
                            {
                                locals[d.Symbol] = value;
                                localDepth[d.Symbol] = conditional;
                            }
                        }
                    }

                    break;
                case IFieldInitializerOperation fieldInit:
                    {
                        var value = Eval(fieldInit.Value);
                        foreach (var f in fieldInit.InitializedFields)
                        {
                            AssignField(f, value);
                        }

                        break;
                    }

                case IPropertyInitializerOperation propInit:
                    {
                        var value = Eval(propInit.Value);
                        foreach (var p in propInit.InitializedProperties)
                        {
                            if (IsOwnAutoProperty(p))
                            {
                                AssignField(p, value);
                            }
                        }

                        break;
                    }

                case IReturnOperation ret:
                    {
                        var value = Eval(ret.ReturnedValue);
                        if (frames.Count > 0 && ret.Kind == OperationKind.Return)
                        {
                            var frame = frames.Peek();
                            frame.Returns.Add(value);
                            frame.ReturnsConditionally |= conditional > frame.ConditionalAtCall;
                        }

                        break;
                    }

                case IInvocationOperation or IObjectCreationOperation or ISimpleAssignmentOperation:
                    Eval(op);
                    break;
                case ILocalFunctionOperation:
                case IParameterInitializerOperation:
                    // Local functions run only when called: their resources are conditional.
                    conditional++;
                    try
                    {
                        foreach (var child in op.ChildOperations)
                        {
                            Exec(child);
                        }
                    }
                    finally
                    {
                        conditional--;
                    }

                    break;
                default:
                    // if/switch/loops/try/using/lock and anything else: statements inside may or may not run.
                    conditional++;
                    try
                    {
                        foreach (var child in op.ChildOperations)
                        {
                            if (child is IBlockOperation || child.Kind == OperationKind.ExpressionStatement ||
                                child.Kind == OperationKind.VariableDeclarationGroup || child.Parent == op && IsStatementLike(child))
                            {
                                Exec(child);
                            }
                            else
                            {
                                Eval(child);
                            }
                        }
                    }
                    finally
                    {
                        conditional--;
                    }

                    break;
            }
        }

        private static bool IsStatementLike(IOperation op) =>
            op is IBranchOperation || op is ILoopOperation || op is IConditionalOperation || op is ISwitchOperation ||
            op is ITryOperation || op is IUsingOperation || op is ILockOperation || op is ILabeledOperation ||
            op is ILocalFunctionOperation || op is IReturnOperation || op is ISwitchCaseOperation;

        private SymValue Eval(IOperation? op)
        {
            if (op is null)
            {
                return new SymUnknown(null);
            }

            if (++depth > MaxDepth)
            {
                depth--;
                return new SymUnknown(op.Syntax?.GetLocation());
            }

            try
            {
                return EvalCore(op);
            }
            finally
            {
                depth--;
            }
        }

        private SymValue EvalCore(IOperation op)
        {
            var location = op.Syntax?.GetLocation();
            if (op.ConstantValue.HasValue)
            {
                return new SymConst(ConstantOf(op.ConstantValue.Value, op.Type), location);
            }

            switch (op)
            {
                case IConversionOperation conv:
                    return Convert(Eval(conv.Operand), conv.Type);
                case IObjectCreationOperation creation:
                    return EvalCreation(creation);
                case IArrayCreationOperation array:
                    {
                        var list = new SymList(location) { Depth = conditional };
                        if (array.Initializer is null)
                        {
                            list.Open = true;
                        }
                        else
                        {
                            foreach (var e in array.Initializer.ElementValues)
                            {
                                list.Items.Add(Eval(e));
                            }
                        }

                        return list;
                    }

                case ILocalReferenceOperation local:
                    return locals.TryGetValue(local.Local, out var v) ? v : new SymUnknown(location);
                case IFieldReferenceOperation field:
                    Eval(field.Instance);
                    return IsOwnField(field.Field) ? new SymFieldRef(field.Field.OriginalDefinition, location) : new SymUnknown(location);
                case IPropertyReferenceOperation prop:
                    return EvalPropertyRead(prop, location);
                case ISimpleAssignmentOperation assign:
                    return EvalAssignment(assign);
                case IInvocationOperation call:
                    return EvalInvocation(call, location);
                case IInterpolatedStringOperation interp:
                    {
                        var parts = new List<SymValue>();
                        foreach (var part in interp.Parts)
                        {
                            switch (part)
                            {
                                case IInterpolatedStringTextOperation text:
                                    parts.Add(Eval(text.Text));
                                    break;
                                case IInterpolationOperation hole when hole.Alignment is null && hole.FormatString is null:
                                    parts.Add(Eval(hole.Expression));
                                    break;
                                default:
                                    foreach (var c in part.ChildOperations)
                                    {
                                        Eval(c);
                                    }

                                    parts.Add(new SymUnknown(part.Syntax?.GetLocation()));
                                    break;
                            }
                        }

                        return new SymConcat(parts, location);
                    }

                case IBinaryOperation bin when bin.OperatorKind == BinaryOperatorKind.Add && bin.Type?.SpecialType == SpecialType.System_String:
                    return new SymConcat(new[] { Eval(bin.LeftOperand), Eval(bin.RightOperand) }, location);
                case IConditionalOperation cond when cond.WhenFalse is not null:
                    {
                        var c = Eval(cond.Condition);
                        conditional++;
                        SymValue t;
                        SymValue f;
                        try
                        {
                            t = Eval(cond.WhenTrue);
                            f = Eval(cond.WhenFalse);
                        }
                        finally
                        {
                            conditional--;
                        }

                        if (c is SymConst { Value: bool b })
                        {
                            return b ? t : f;
                        }

                        return new SymUnknown(location);
                    }

                case IAnonymousFunctionOperation lambda:
                    conditional++;
                    try
                    {
                        Exec(lambda.Body);
                    }
                    finally
                    {
                        conditional--;
                    }

                    return new SymUnknown(location);
                case IParameterReferenceOperation parameter when frames.Count > 0 &&
                    SymbolEqualityComparer.Default.Equals(parameter.Parameter.ContainingSymbol?.OriginalDefinition, frames.Peek().Method) &&
                    frames.Peek().Arguments.TryGetValue(parameter.Parameter.Ordinal, out var argument):
                    return argument;
                case IInstanceReferenceOperation:
                case IParameterReferenceOperation:
                case ILiteralOperation:
                case IDefaultValueOperation:
                    return new SymUnknown(location);
                default:
                    foreach (var child in op.ChildOperations)
                    {
                        Escape(Eval(child));
                    }

                    return new SymUnknown(location);
            }
        }

        private static object? ConstantOf(object? value, ITypeSymbol? type)
        {
            if (type is INamedTypeSymbol { TypeKind: TypeKind.Enum } e && value is not null)
            {
                foreach (var member in e.GetMembers().OfType<IFieldSymbol>())
                {
                    if (member.HasConstantValue && Equals(member.ConstantValue, value))
                    {
                        return new EnumValue(e.Name, member.Name);
                    }
                }

                return new EnumValue(e.Name, System.Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture) ?? "");
            }

            return value;
        }

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

        private void AssignField(ISymbol field, SymValue value)
        {
            // Keyed by definition: a generic base's field read through a constructed type (Cluster<int>.harbor) is the
            // field its constructor assigned (Cluster<T>.harbor).
            field = field.OriginalDefinition;
            if (!fieldAssignments.TryGetValue(field, out var list))
            {
                list = new List<SymValue>();
                fieldAssignments[field] = list;
            }

            list.Add(conditional > 0 ? Weaken(value) : value);
        }

        /// <summary>A value that may or may not be assigned: objects keep their identity (resources still need finding) but become unknown.</summary>
        private static SymValue Weaken(SymValue value) => value is SymConst ? new SymUnknown(value.Location) : value;

        private SymValue EvalCreation(IObjectCreationOperation creation)
        {
            var location = creation.Syntax?.GetLocation();
            var type = creation.Type;
            if (!types.IsSdkType(type) || type is null)
            {
                foreach (var a in creation.Arguments)
                {
                    Escape(Eval(a.Value));
                }

                if (creation.Initializer is not null)
                {
                    foreach (var i in creation.Initializer.Initializers)
                    {
                        Escape(Eval(i));
                    }
                }

                return new SymUnknown(location);
            }

            SymValue target;
            if (IsCollectionType(type, out var isDictionary))
            {
                target = isDictionary ? new SymDict(location) : new SymList(location);
            }
            else
            {
                var obj = new SymObject(type.Name, location, TypeSpan(creation.Syntax));
                foreach (var a in creation.Arguments)
                {
                    var name = a.Parameter?.Name;
                    var value = Eval(a.Value);
                    if (name is not null && a.ArgumentKind != ArgumentKind.DefaultValue)
                    {
                        obj.Arguments[name] = value;
                    }
                }

                target = obj;
            }

            target.Depth = conditional;
            if (creation.Initializer is not null)
            {
                ApplyInitializer(target, creation.Initializer);
            }

            if (target is SymObject o && types.IsResource(type))
            {
                result.Resources.Add(new ResourceDeclaration(o, conditional > 0));
                if (conditional > 0)
                {
                    result.Open = true;
                }
            }

            return target;
        }

        /// <summary><c>new SpegelArgs</c> / <c>new()</c>, without arguments and initializer.</summary>
        private static Location? TypeSpan(SyntaxNode? syntax)
        {
            switch (syntax)
            {
                case ObjectCreationExpressionSyntax oc:
                    return Location.Create(oc.SyntaxTree, Microsoft.CodeAnalysis.Text.TextSpan.FromBounds(oc.NewKeyword.SpanStart, oc.Type.Span.End));

                case ImplicitObjectCreationExpressionSyntax ioc:
                    return Location.Create(ioc.SyntaxTree, Microsoft.CodeAnalysis.Text.TextSpan.FromBounds(ioc.NewKeyword.SpanStart, ioc.ArgumentList.Span.End));
                default:
                    return syntax?.GetLocation();
            }
        }

        private bool IsCollectionType(ITypeSymbol type, out bool isDictionary) => types.IsCollection(type, out isDictionary);

        private void ApplyInitializer(SymValue target, IObjectOrCollectionInitializerOperation init)
        {
            foreach (var i in init.Initializers)
            {
                switch (i)
                {
                    case ISimpleAssignmentOperation assign:
                        AssignInto(target, assign.Target, Eval(assign.Value), assign.Syntax?.GetLocation());
                        break;
                    case IMemberInitializerOperation member:
                        {
                            var inner = MemberOf(target, member.InitializedMember, member.Syntax?.GetLocation());
                            if (member.Initializer is not null)
                            {
                                ApplyInitializer(inner, member.Initializer);
                            }

                            break;
                        }

                    case IInvocationOperation add:
                        ApplyAdd(target, add);
                        break;
                    default:
                        Escape(Eval(i));
                        MarkOpen(target);
                        break;
                }
            }
        }

        /// <summary>The value of a member of <paramref name="target"/> that an initializer or a statement is about to change.</summary>
        private SymValue MemberOf(SymValue target, IOperation member, Location? location)
        {
            if (member is IPropertyReferenceOperation prop && target is SymObject obj && prop.Arguments.Length == 0)
            {
                if (obj.Properties.TryGetValue(prop.Property.Name, out var existing))
                {
                    return existing.Value;
                }

                SymValue created;
                if (IsCollectionType(prop.Type!, out var isDict))
                {
                    created = isDict ? new SymDict(location) : new SymList(location);
                }
                else if (types.IsSdkType(prop.Type))
                {
                    created = new SymObject(prop.Type!.Name, location, location);
                }
                else
                {
                    created = new SymUnknown(location);
                }

                created.Depth = obj.Depth;
                obj.Properties[prop.Property.Name] = new SymProperty(created, location);
                return created;
            }

            return new SymUnknown(location);
        }

        private void AssignInto(SymValue target, IOperation assignTarget, SymValue value, Location? location)
        {
            var maybe = conditional > target.Depth;
            if (maybe)
            {
                value = Weaken(value);
            }

            switch (assignTarget)
            {
                case IPropertyReferenceOperation { Arguments.Length: 0 } prop when target is SymObject obj:
                    obj.Properties[prop.Property.Name] = new SymProperty(value, location);
                    break;
                case IPropertyReferenceOperation { Arguments.Length: 1 } indexer when target is SymDict dict:
                    {
                        var key = Eval(indexer.Arguments[0].Value);
                        if (maybe)
                        {
                            dict.Open = true;
                        }
                        else
                        {
                            dict.Entries.RemoveAll(e => e.Key is SymConst k1 && key is SymConst k2 && Equals(k1.Value, k2.Value));
                            dict.Entries.Add(new SymEntry(key, value, location));
                        }

                        break;
                    }

                case IPropertyReferenceOperation { Arguments.Length: 1 } when target is SymList list:
                    list.Open = true;
                    break;
                default:
                    MarkOpen(target);
                    break;
            }
        }

        private void ApplyAdd(SymValue target, IInvocationOperation add)
        {
            var location = add.Syntax?.GetLocation();
            var args = add.Arguments.Select(a => Eval(a.Value)).ToList();
            if (conditional > target.Depth || add.TargetMethod.Name != "Add")
            {
                MarkOpen(target);
                return;
            }

            if (target is SymList list && args.Count == 1)
            {
                list.Items.Add(args[0]);
            }
            else if (target is SymDict dict && args.Count == 2)
            {
                dict.Entries.Add(new SymEntry(args[0], args[1], location));
            }
            else
            {
                MarkOpen(target);
            }
        }

        private SymValue EvalAssignment(ISimpleAssignmentOperation assign)
        {
            var value = Eval(assign.Value);
            var location = assign.Syntax?.GetLocation();
            switch (assign.Target)
            {
                case ILocalReferenceOperation local:
                    locals[local.Local] = conditional > (localDepth.TryGetValue(local.Local, out var ld) ? ld : 0) ? new SymUnknown(location) : value;
                    break;
                case IFieldReferenceOperation field when IsOwnField(field.Field):
                    AssignField(field.Field, value);
                    break;
                case IParameterReferenceOperation parameter when frames.Count > 0 &&
                    SymbolEqualityComparer.Default.Equals(parameter.Parameter.ContainingSymbol?.OriginalDefinition, frames.Peek().Method):
                    {
                        var frame = frames.Peek();
                        frame.Arguments[parameter.Parameter.Ordinal] = conditional > frame.ConditionalAtCall ? new SymUnknown(location) : value;
                        break;
                    }

                case IPropertyReferenceOperation prop when (prop.Instance is null or IInstanceReferenceOperation) && IsOwnAutoProperty(prop.Property):
                    AssignField(prop.Property, value);
                    break;
                case IPropertyReferenceOperation prop when prop.Instance is not null:
                    {
                        // x.Prop = v, or x.Dict[k] = v: x is the object (or the dictionary) being changed.
                        var owner = prop.Arguments.Length == 0 ? Eval(prop.Instance) : EvalCollection(prop.Instance);
                        AssignInto(owner, prop, value, location);
                        break;
                    }

                default:
                    Escape(value);
                    break;
            }

            return value;
        }

        /// <summary>Evaluates <c>x.Mirrors</c> as the mutable collection, creating it on the object when first touched.</summary>
        private SymValue EvalCollection(IOperation instance)
        {
            if (instance is IPropertyReferenceOperation p && p.Arguments.Length == 0 && p.Instance is not null)
            {
                var owner = Eval(p.Instance);
                if (owner is SymObject)
                {
                    return MemberOf(owner, p, p.Syntax?.GetLocation());
                }
            }

            return Eval(instance);
        }

        private SymValue EvalPropertyRead(IPropertyReferenceOperation prop, Location? location)
        {
            foreach (var a in prop.Arguments)
            {
                Eval(a.Value);
            }

            if ((prop.Instance is null or IInstanceReferenceOperation) && IsOwnAutoProperty(prop.Property))
            {
                return new SymFieldRef(prop.Property.OriginalDefinition, location);
            }

            if (prop.Instance is null)
            {
                return new SymUnknown(location);
            }

            var instance = Eval(prop.Instance);
            if (prop.Arguments.Length == 0 && instance is SymObject obj)
            {
                if (obj.Properties.TryGetValue(prop.Property.Name, out var existing))
                {
                    return existing.Value;
                }

                if (prop.Type is not null && IsCollectionType(prop.Type, out _))
                {
                    return MemberOf(obj, prop, location);
                }
            }

            if (instance is SymUnknown)
            {
                return new SymUnknown(location);
            }

            return new SymMember(instance, prop.Property.Name, location);
        }

        private SymValue EvalInvocation(IInvocationOperation call, Location? location)
        {
            var method = call.TargetMethod;
            if (call.Instance is not null && method.Name == "Add" && !method.IsStatic)
            {
                var collection = EvalCollection(call.Instance);
                if (collection is SymList || collection is SymDict)
                {
                    ApplyAdd(collection, call);
                    return new SymUnknown(location);
                }
            }

            // The base(...) call of a stack constructor names the stack.
            if (method.MethodKind == MethodKind.Constructor && call.Instance is IInstanceReferenceOperation &&
                SymbolEqualityComparer.Default.Equals(method.ContainingType, types.Stack))
            {
                if (call.Arguments.Length > 0)
                {
                    result.Name = Eval(call.Arguments[0].Value);
                }

                return new SymUnknown(location);
            }

            var instanceValue = call.Instance is null ? null : Eval(call.Instance);
            var args = new Dictionary<string, SymValue>();
            foreach (var a in call.Arguments)
            {
                var v = Eval(a.Value);
                if (a.Parameter is not null)
                {
                    args[a.Parameter.Name] = v;
                }
            }

            if (method.IsStatic && types.IsSdkType(method.ContainingType))
            {
                // An SDK factory (Secret.FromEnvironment, RobotPermission.Pull, ...): recorded as a call the snapshot builder knows.
                var obj = new SymObject(method.ContainingType.Name + "." + method.Name, location, location);
                foreach (var kv in args)
                {
                    obj.Arguments[kv.Key] = kv.Value;
                }

                return obj;
            }

            if (method.IsStatic && types.IsTimeSpan(method.ContainingType) && args.Count == 1)
            {
                var a = args.Values.First();
                if (a is SymConst { Value: { } n } && IsNumber(n))
                {
                    var d = System.Convert.ToDouble(n, System.Globalization.CultureInfo.InvariantCulture);
                    TimeSpan? ts = method.Name switch
                    {
                        "FromSeconds" => TimeSpan.FromSeconds(d),
                        "FromMilliseconds" => TimeSpan.FromMilliseconds(d),
                        "FromMinutes" => TimeSpan.FromMinutes(d),
                        "FromHours" => TimeSpan.FromHours(d),
                        _ => null,
                    };
                    if (ts is not null)
                    {
                        return new SymConst(ts.Value, location);
                    }
                }
            }

            if (TryInline(call, method, args, location, out var returned))
            {
                return returned;
            }

            // Anything else may change what it is given.
            if (instanceValue is not null)
            {
                Escape(instanceValue);
            }

            foreach (var v in args.Values)
            {
                Escape(v);
            }

            return new SymUnknown(location);
        }

        private const int MaxCallDepth = 8;

        // Calls interpreted per stack class: helpers calling helpers many times each must not cost the IDE exponential time.
        private const int MaxInlinedCalls = 2000;
        private int inlinedCalls;

        /// <summary>
        /// A call to a method of the stack class or a base (<c>AddSpegel()</c>, <c>Robot(harbor, "ci")</c>) is interpreted
        /// where it is made, with its arguments bound to its parameters, as if its body were written there; its value is
        /// what it returns when it has one unconditional return. Not followed (the call stays an escape): virtual,
        /// abstract and override methods (a derived class may replace them), <c>ref</c>/<c>out</c> parameters, recursion,
        /// calls nested deeper than <see cref="MaxCallDepth"/> or beyond <see cref="MaxInlinedCalls"/> in all, and methods
        /// without a body in source; the last three make the stack open.
        /// </summary>
        private bool TryInline(IInvocationOperation call, IMethodSymbol method, Dictionary<string, SymValue> args, Location? location, out SymValue returned)
        {
            returned = new SymUnknown(location);
            var definition = method.OriginalDefinition;
            if (method.MethodKind != MethodKind.Ordinary || method.IsAbstract || method.IsVirtual || method.IsOverride || method.IsExtern ||
                !(call.Instance is null || call.Instance is IInstanceReferenceOperation) ||
                method.ContainingType is not { } owner || !IsStackOrBase(owner) ||
                !methodBodies.TryGetValue(definition, out var body))
            {
                return false;
            }

            if (frames.Count >= MaxCallDepth || inlinedCalls >= MaxInlinedCalls)
            {
                result.Open = true; // a helper of the stack not followed: it may declare more
                return false;
            }

            foreach (var p in method.Parameters)
            {
                if (p.RefKind != RefKind.None)
                {
                    return false;
                }
            }

            foreach (var f in frames)
            {
                if (SymbolEqualityComparer.Default.Equals(f.Method, definition))
                {
                    result.Open = true; // recursion: the deeper calls may declare more
                    return false;
                }
            }

            var arguments = new Dictionary<int, SymValue>();
            foreach (var p in method.Parameters)
            {
                arguments[p.Ordinal] = args.TryGetValue(p.Name, out var v) ? v : new SymUnknown(location);
            }

            inlinedCalls++;
            var frame = new CallFrame(definition, arguments, conditional);
            frames.Push(frame);
            try
            {
                Exec(body);
            }
            finally
            {
                frames.Pop();
            }

            inlined.Add(definition);
            if (frame.Returns.Count == 1 && !frame.ReturnsConditionally)
            {
                returned = frame.Returns[0];
            }

            return true;
        }

        /// <summary>Numeric constants take the target type (<c>long? x = 37_000_000</c> is a long), like the compiler does.</summary>
        private static SymValue Convert(SymValue value, ITypeSymbol? type)
        {
            if (value is not SymConst { Value: { } v } c || !IsNumber(v) || type is null)
            {
                return value;
            }

            if (type is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T } n && n.TypeArguments.Length == 1)
            {
                type = n.TypeArguments[0];
            }

            var ic = System.Globalization.CultureInfo.InvariantCulture;
            try
            {
                switch (type.SpecialType)
                {
                    case SpecialType.System_Int32: return new SymConst(System.Convert.ToInt32(v, ic), c.Location);
                    case SpecialType.System_Int64: return new SymConst(System.Convert.ToInt64(v, ic), c.Location);
                    case SpecialType.System_Double: return new SymConst(System.Convert.ToDouble(v, ic), c.Location);
                    default: return value;
                }
            }
            catch (System.OverflowException)
            {
                return new SymUnknown(c.Location);
            }
        }

        private static bool IsNumber(object o) => o is int || o is long || o is double || o is float || o is decimal || o is short || o is byte || o is uint || o is ulong;

        /// <summary>A value handed to code the analyzer does not follow: it may be changed there.</summary>
        private static void Escape(SymValue value) => MarkOpen(value);

        private static void MarkOpen(SymValue value)
        {
            switch (value)
            {
                case SymObject o:
                    o.Open = true;
                    break;
                case SymList l:
                    l.Open = true;
                    break;
                case SymDict d:
                    d.Open = true;
                    break;
            }
        }
    }

    /// <summary>An enum constant by type and member name (e.g. <c>RobotLevel.Project</c>).</summary>
    internal sealed class EnumValue : IEquatable<EnumValue>
    {
        public EnumValue(string type, string member)
        {
            Type = type;
            Member = member;
        }

        public string Type { get; }

        public string Member { get; }

        public bool Equals(EnumValue? other) => other is not null && other.Type == Type && other.Member == Member;

        public override bool Equals(object? obj) => obj is EnumValue e && Equals(e);

        public override int GetHashCode() => (Type.GetHashCode() * 397) ^ Member.GetHashCode();

        public override string ToString() => Type + "." + Member;
    }
}
