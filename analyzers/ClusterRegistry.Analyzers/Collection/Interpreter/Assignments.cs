using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace ClusterRegistry.Analyzers.Collection
{
    /// <summary>
    /// Writes and escapes. Every write to a tracked location is either modelled exactly (a certain <c>=</c>, string
    /// <c>+=</c>, integer <c>+=</c>/<c>-=</c>/<c>++</c>/<c>--</c>, <c>??=</c> on a known value, deconstruction of a tuple literal)
    /// or makes the location unknown; a location that becomes unknown while it may still refer to an object makes that
    /// object escape, since a later change through the location would not be seen.
    /// </summary>
    internal sealed partial class StackInterpreter
    {
        private SymValue EvalAssignment(ISimpleAssignmentOperation assign)
        {
            var value = Eval(assign.Value);
            Assign(assign.Target, value, assign.Syntax?.GetLocation());
            return value;
        }

        /// <summary><c>target = value</c>, for every kind of target.</summary>
        private void Assign(IOperation target, SymValue value, Location? location)
        {
            switch (target)
            {
                case IDeclarationExpressionOperation declaration:
                    Assign(declaration.Expression, value, location);
                    break;
                case ILocalReferenceOperation local:
                    AssignLocal(local.Local, value, location);
                    break;
                case IFieldReferenceOperation field when IsOwnField(field.Field):
                    AssignField(field.Field, value);
                    break;
                case IParameterReferenceOperation parameter when frames.Count > 0 &&
                    SymbolEqualityComparer.Default.Equals(parameter.Parameter.ContainingSymbol?.OriginalDefinition, frames.Peek().Method):
                    {
                        var frame = frames.Peek();
                        if (conditional > frame.ConditionalAtCall || deferred > 0)
                        {
                            Escape(frame.Arguments.TryGetValue(parameter.Parameter.Ordinal, out var old) ? old : null);
                            Escape(value);
                            value = new SymUnknown(location);
                        }

                        frame.Arguments[parameter.Parameter.Ordinal] = value;
                        break;
                    }

                case IPropertyReferenceOperation prop when (prop.Instance is null or IInstanceReferenceOperation) && IsOwnAutoProperty(prop.Property):
                    AssignField(prop.Property, value);
                    break;
                case IPropertyReferenceOperation prop when prop.Instance is not null:
                    {
                        // x.Prop = v, or x.Dict[k] = v: x is the object (or the dictionary) being changed.
                        foreach (var a in prop.Arguments.Skip(1))
                        {
                            Eval(a.Value);
                        }

                        AssignInto(EvalTarget(prop.Instance), prop, value, location);
                        break;
                    }

                case ITupleOperation tuple:
                    foreach (var element in tuple.Elements)
                    {
                        Havoc(element, location);
                    }

                    Escape(value);
                    break;
                case IDiscardOperation:
                    Escape(value);
                    break;
                case IArrayElementReferenceOperation element:
                    {
                        var array = EvalTarget(element.ArrayReference);
                        foreach (var i in element.Indices)
                        {
                            Eval(i);
                        }

                        Escape(array);
                        Escape(value);
                        break;
                    }

                default:
                    // A field of another class, an event, a parameter of a method run on its own: not tracked.
                    EscapeOperand(target, Eval(target));
                    Escape(value);
                    break;
            }
        }

        /// <summary>The target may now hold anything (a <c>ref</c>/<c>out</c> argument, <c>??=</c> on an unknown value).</summary>
        private void Havoc(IOperation target, Location? location)
        {
            if (target is IDeclarationExpressionOperation declaration)
            {
                Havoc(declaration.Expression, location);
                return;
            }

            if (target is ITupleOperation tuple)
            {
                foreach (var element in tuple.Elements)
                {
                    Havoc(element, location);
                }

                return;
            }

            if (target is ILocalReferenceOperation { IsDeclaration: false } or IFieldReferenceOperation or IParameterReferenceOperation or IPropertyReferenceOperation)
            {
                // What it held may be handed back, changed, or kept elsewhere.
                Escape(Eval(target));
            }

            Assign(target, new SymUnknown(location), location);
        }

        private void DeclareLocal(ILocalSymbol local, SymValue value, Location? location)
        {
            localDepth[local] = conditional;
            if (untracked.Contains(local))
            {
                Escape(value);
                value = new SymUnknown(location);
            }

            locals[local] = value;
        }

        private void AssignLocal(ILocalSymbol local, SymValue value, Location? location)
        {
            if (!localDepth.TryGetValue(local, out var declaredAt))
            {
                // Declared by this write (out var x, var (a, b) = ...).
                localDepth[local] = declaredAt = conditional;
            }

            if (untracked.Contains(local) || conditional > declaredAt || deferred > 0)
            {
                // The local holds either value afterwards: a change through it reaches an object not known.
                Escape(locals.TryGetValue(local, out var old) ? old : null);
                Escape(value);
                value = new SymUnknown(location);
            }

            locals[local] = value;
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

        /// <summary>
        /// A change of <paramref name="assignTarget"/> (a property, or a dictionary/list entry) of <paramref name="owner"/>,
        /// the live object or collection (null when not known: it has escaped already).
        /// </summary>
        private void AssignInto(SymValue? owner, IOperation assignTarget, SymValue value, Location? location)
        {
            if (owner is null || owner.Escaped || ChangedLater(owner))
            {
                Escape(owner);
                Escape(value);
                return;
            }

            var certain = scope == owner.Scope;
            switch (assignTarget)
            {
                case IPropertyReferenceOperation { Arguments.Length: 0 } prop when owner is SymObject obj:
                    if (obj.Observed)
                    {
                        // A default or derived value of this object was read before: that read would now resolve to this write.
                        Escape(obj);
                        Escape(value);
                    }
                    else if (certain)
                    {
                        obj.Properties[prop.Property.Name] = new SymProperty(value, location);
                    }
                    else
                    {
                        Escape(obj.Get(prop.Property.Name));
                        Escape(value);
                        obj.Properties[prop.Property.Name] = new SymProperty(new SymUnknown(location), location);
                    }

                    break;
                case IPropertyReferenceOperation { Arguments.Length: 1 } indexer when owner is SymDict dict:
                    {
                        var key = Eval(indexer.Arguments[0].Value);
                        var k = KeyNow(key);
                        if (dict.Entries.Count == 0 && certain)
                        {
                            dict.Entries.Add(new SymEntry(key, value, location));
                            break;
                        }

                        if (k is null || dict.Entries.Any(e => KeyNow(e.Key) is null))
                        {
                            // Which entry changes is not known.
                            Escape(dict);
                            Escape(value);
                            break;
                        }

                        if (certain)
                        {
                            dict.Entries.RemoveAll(e => Equals(KeyNow(e.Key)!.Value, k.Value));
                            dict.Entries.Add(new SymEntry(key, value, location));
                            break;
                        }

                        var matched = false;
                        for (var i = 0; i < dict.Entries.Count; i++)
                        {
                            var e = dict.Entries[i];
                            if (Equals(KeyNow(e.Key)!.Value, k.Value))
                            {
                                Escape(e.Value);
                                dict.Entries[i] = new SymEntry(e.Key, new SymUnknown(location), e.Location);
                                matched = true;
                            }
                        }

                        if (!matched)
                        {
                            dict.Open = true;
                        }

                        Escape(value);
                        break;
                    }

                default:
                    Escape(owner);
                    Escape(value);
                    break;
            }
        }

        /// <summary>
        /// True inside a lambda or local function for an object created outside it: the body may run after later writes,
        /// so its change cannot be ordered with them.
        /// </summary>
        private bool ChangedLater(SymValue owner) => deferred > 0 && owner.Scope < deferredScope;

        private SymValue EvalCompoundAssignment(ICompoundAssignmentOperation compound)
        {
            var location = compound.Syntax?.GetLocation();
            var current = Eval(compound.Target);
            var operand = Eval(compound.Value);
            SymValue value;
            if (compound.OperatorKind == BinaryOperatorKind.Add && compound.Type?.SpecialType == SpecialType.System_String)
            {
                value = new SymConcat(new[] { current, operand }, location);
            }
            else if (compound.OperatorKind is BinaryOperatorKind.Add or BinaryOperatorKind.Subtract &&
                Integer(current) is { } a && Integer(operand) is { } b && !compound.IsChecked)
            {
                // Computed as a long, then converted to the target type (an int that would overflow becomes unknown).
                value = Convert(new SymConst(compound.OperatorKind == BinaryOperatorKind.Add ? a + b : a - b, location), compound.Type);
            }
            else
            {
                EscapeOperand(compound.Value, operand);
                value = new SymUnknown(location);
            }

            Assign(compound.Target, value, location);
            return value;
        }

        private SymValue EvalIncrement(IIncrementOrDecrementOperation step)
        {
            var location = step.Syntax?.GetLocation();
            var current = Eval(step.Target);
            SymValue next = new SymUnknown(location);
            if (Integer(current) is { } n && !step.IsChecked && step.Target.Type?.SpecialType is SpecialType.System_Int32 or SpecialType.System_Int64)
            {
                next = Convert(new SymConst(step.Kind == OperationKind.Increment ? n + 1 : n - 1, location), step.Target.Type);
            }

            Assign(step.Target, next, location);
            return step.IsPostfix ? current : next;
        }

        private SymValue EvalCoalesceAssignment(ICoalesceAssignmentOperation coalesce)
        {
            var location = coalesce.Syntax?.GetLocation();
            var current = Eval(coalesce.Target);
            switch (current)
            {
                case SymConst { Value: null }:
                    {
                        var value = Eval(coalesce.Value);
                        Assign(coalesce.Target, value, location);
                        return value;
                    }

                case SymConst or SymObject or SymList or SymDict or SymConcat:
                    // Not null (a string concatenation never is): the right-hand side does not run.
                    return current;
                default:
                    {
                        var outer = EnterMaybe();
                        SymValue value;
                        try
                        {
                            value = Eval(coalesce.Value);
                        }
                        finally
                        {
                            ExitMaybe(outer);
                        }

                        Escape(value);
                        Havoc(coalesce.Target, location);
                        return new SymUnknown(location);
                    }
            }
        }

        /// <summary><c>(a, b) = (x, y)</c>: element by element when the right side is a tuple literal, otherwise every target unknown.</summary>
        private SymValue EvalDeconstruction(IDeconstructionAssignmentOperation deconstruction)
        {
            var location = deconstruction.Syntax?.GetLocation();
            var target = deconstruction.Target is IDeclarationExpressionOperation d ? d.Expression : deconstruction.Target;
            if (target is ITupleOperation targets && Unwrap(deconstruction.Value) is ITupleOperation values &&
                targets.Elements.Length == values.Elements.Length && !targets.Elements.Any(e => e is ITupleOperation))
            {
                // The right side is evaluated completely before any element is assigned ((a, b) = (b, a) swaps).
                var evaluated = values.Elements.Select(e => Eval(e)).ToList();
                for (var i = 0; i < evaluated.Count; i++)
                {
                    Assign(targets.Elements[i], evaluated[i], targets.Elements[i].Syntax?.GetLocation() ?? location);
                }

                return new SymUnknown(location);
            }

            EscapeOperand(deconstruction.Value, Eval(deconstruction.Value));
            Havoc(target, location);
            return new SymUnknown(location);
        }

        private static IOperation Unwrap(IOperation op)
        {
            while (op is IConversionOperation c)
            {
                op = c.Operand;
            }

            return op;
        }

        private static long? Integer(SymValue value) => value is SymConst { Value: int i } ? i : value is SymConst { Value: long l } ? l : null;

        /// <summary>
        /// The object or collection a write through <paramref name="instance"/> changes (<c>args</c>, <c>spegel.Args</c>,
        /// <c>args.Mirrors</c>, <c>args.Mirrors["k"]</c>, a field holding args), created on its owner when first touched;
        /// null when it is not known, after making whatever it may be escape.
        /// </summary>
        private SymValue? EvalTarget(IOperation instance)
        {
            switch (instance)
            {
                case IPropertyReferenceOperation { Arguments.Length: 0, Instance: { } inner } p
                    when !(inner is IInstanceReferenceOperation && IsOwnAutoProperty(p.Property)):
                    {
                        var owner = EvalTarget(inner);
                        if (owner is not SymObject o || o.Escaped)
                        {
                            Escape(owner);
                            return null;
                        }

                        if (o.Properties.TryGetValue(p.Property.Name, out var existing))
                        {
                            return LiveOrEscape(existing.Value);
                        }

                        if (types.IsResourceArgs(p.Property) && o.Arguments.TryGetValue("args", out var args))
                        {
                            return LiveOrEscape(args);
                        }

                        if (p.Type is not null && (types.IsCollection(p.Type, out _) || (types.IsSdkType(p.Type) && !types.IsResource(p.Type))))
                        {
                            return MemberOf(o, p, p.Syntax?.GetLocation());
                        }

                        Escape(o);
                        return null;
                    }

                case IPropertyReferenceOperation { Arguments.Length: 1, Instance: { } inner } indexer:
                    {
                        var owner = EvalTarget(inner);
                        var key = KeyNow(Eval(indexer.Arguments[0].Value));
                        if (owner is SymDict dict && !dict.Escaped && key is { } k && dict.Entries.All(e => KeyNow(e.Key) is not null))
                        {
                            var found = dict.Entries.LastOrDefault(e => Equals(KeyNow(e.Key)!.Value, k.Value));
                            if (found is not null)
                            {
                                return LiveOrEscape(found.Value);
                            }
                        }

                        Escape(owner);
                        return null;
                    }

                default:
                    return LiveOrEscape(Eval(instance));
            }
        }

        /// <summary>
        /// A dictionary key's value at this point of the stack (a constant, or a member such as <c>harbor.ServiceHost</c>
        /// resolved over what is known so far); null when not known. A key resolved later can only become unknown (a later
        /// change to what it derives from makes its object escape), never another constant.
        /// </summary>
        private SymConst? KeyNow(SymValue key) => key as SymConst ?? new Resolver(fieldAssignments).Resolve(key) as SymConst;

        private SymValue? LiveOrEscape(SymValue value)
        {
            var live = Live(value);
            if (live is null)
            {
                Escape(value);
            }

            return live;
        }

        /// <summary>
        /// The object or collection <paramref name="value"/> refers to now: itself, the single value assigned so far to a
        /// field, or an assigned property of such an object; null when not known.
        /// </summary>
        private SymValue? Live(SymValue? value, int guard = 0)
        {
            if (guard > MaxDepth)
            {
                return null;
            }

            switch (value)
            {
                case SymObject or SymList or SymDict:
                    return value;
                case SymFieldRef f:
                    return fieldAssignments.TryGetValue(f.Field, out var assigned) && assigned.Count == 1 ? Live(assigned[0], guard + 1) : null;
                case SymMember m when Live(m.Target, guard + 1) is SymObject { Escaped: false } o && o.Properties.TryGetValue(m.Member, out var p):
                    return Live(p.Value, guard + 1);
                default:
                    return null;
            }
        }

        /// <summary>
        /// <paramref name="operand"/> (evaluated to <paramref name="value"/>) is handed to code that is not followed: what it
        /// refers to escapes; <c>this</c> makes every field of the stack escape.
        /// </summary>
        private void EscapeOperand(IOperation operand, SymValue value)
        {
            if (Unwrap(operand) is IInstanceReferenceOperation { ReferenceKind: InstanceReferenceKind.ContainingTypeInstance })
            {
                EscapeThis();
                return;
            }

            if (operand.Type is { } type && (type.IsValueType || type.SpecialType == SpecialType.System_String) && type.TypeKind != TypeKind.Struct)
            {
                return; // a number, a bool, an enum, a string: nothing to change through it
            }

            Escape(value);
        }

        /// <summary>The stack object itself reaches code not followed: its fields may be reassigned, and what they hold changed.</summary>
        private void EscapeThis()
        {
            foreach (var kv in fieldAssignments.ToList())
            {
                foreach (var v in kv.Value.ToList())
                {
                    Escape(v);
                }

                kv.Value.Add(new SymUnknown(null));
            }

            // Stack.Resources and ResourcesOf<T>() hand out every resource registered so far.
            foreach (var r in result.Resources)
            {
                Escape(r.Resource);
            }
        }

        /// <summary>A value handed to code the analyzer does not follow: it, and everything reachable from it, may be changed there.</summary>
        private void Escape(SymValue? value)
        {
            if (value is SymObject or SymList or SymDict or SymFieldRef or SymMember)
            {
                EscapeInto(value, new HashSet<SymValue>(), 0);
            }
        }

        private void EscapeInto(SymValue? value, HashSet<SymValue> seen, int guard)
        {
            if (value is null || guard > MaxDepth || !seen.Add(value))
            {
                return;
            }

            switch (value)
            {
                case SymObject o:
                    o.Escaped = true;
                    o.Open = true;
                    foreach (var p in o.Properties.Values)
                    {
                        EscapeInto(p.Value, seen, guard + 1);
                    }

                    foreach (var a in o.Arguments.Values)
                    {
                        EscapeInto(a, seen, guard + 1);
                    }

                    break;
                case SymList l:
                    l.Escaped = true;
                    l.Open = true;
                    foreach (var i in l.Items)
                    {
                        EscapeInto(i, seen, guard + 1);
                    }

                    break;
                case SymDict d:
                    d.Escaped = true;
                    d.Open = true;
                    foreach (var e in d.Entries)
                    {
                        EscapeInto(e.Key, seen, guard + 1);
                        EscapeInto(e.Value, seen, guard + 1);
                    }

                    break;
                case SymFieldRef f:
                    if (fieldAssignments.TryGetValue(f.Field, out var assigned))
                    {
                        foreach (var v in assigned)
                        {
                            EscapeInto(v, seen, guard + 1);
                        }
                    }

                    break;
                case SymMember m:
                    if (Live(m) is { } member)
                    {
                        EscapeInto(member, seen, guard + 1);
                    }
                    else if (Live(m.Target) is not SymObject)
                    {
                        // Not known what it refers to: its owner, conservatively.
                        EscapeInto(m.Target, seen, guard + 1);
                    }

                    // Otherwise a default or a derived value (a string, a Secret): nothing to change through it.
                    break;
            }
        }
    }
}
