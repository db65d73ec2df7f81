using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace ClusterRegistry.Analyzers.Collection
{
    /// <summary>The value of an expression: constants, locals, fields, property reads, strings, conditionals.</summary>
    internal sealed partial class StackInterpreter
    {
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
                        var list = new SymList(location) { Scope = scope };
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
                    return !untracked.Contains(local.Local) && locals.TryGetValue(local.Local, out var v) ? v : new SymUnknown(location);
                case IFieldReferenceOperation field:
                    Eval(field.Instance);
                    return IsOwnField(field.Field) ? new SymFieldRef(field.Field.OriginalDefinition, location) : new SymUnknown(location);
                case IPropertyReferenceOperation prop:
                    return EvalPropertyRead(prop, location);
                case ISimpleAssignmentOperation assign:
                    return EvalAssignment(assign);
                case ICompoundAssignmentOperation compound:
                    return EvalCompoundAssignment(compound);
                case IIncrementOrDecrementOperation step:
                    return EvalIncrement(step);
                case ICoalesceAssignmentOperation coalesce:
                    return EvalCoalesceAssignment(coalesce);
                case IDeconstructionAssignmentOperation deconstruction:
                    return EvalDeconstruction(deconstruction);
                case IInvocationOperation call:
                    return EvalInvocation(call, location);
                case IInterpolatedStringOperation interp:
                    return EvalInterpolation(interp, location);
                case IBinaryOperation bin when bin.OperatorKind == BinaryOperatorKind.Add && bin.Type?.SpecialType == SpecialType.System_String:
                    return new SymConcat(new[] { Eval(bin.LeftOperand), Eval(bin.RightOperand) }, location);
                case IConditionalOperation cond when cond.WhenFalse is not null:
                    {
                        var c = Eval(cond.Condition);
                        var outer = EnterMaybe();
                        SymValue t;
                        SymValue f;
                        try
                        {
                            t = Eval(cond.WhenTrue);
                            f = Eval(cond.WhenFalse);
                        }
                        finally
                        {
                            ExitMaybe(outer);
                        }

                        if (c is SymConst { Value: bool b })
                        {
                            return b ? t : f;
                        }

                        // Either may be what the result refers to: a change made through it is not known to reach either.
                        Escape(t);
                        Escape(f);
                        return new SymUnknown(location);
                    }

                case IAnonymousFunctionOperation lambda:
                    {
                        var saved = EnterDeferred();
                        try
                        {
                            Exec(lambda.Body);
                        }
                        finally
                        {
                            ExitDeferred(saved);
                        }

                        return new SymUnknown(location);
                    }

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
                        EscapeOperand(child, Eval(child));
                    }

                    return new SymUnknown(location);
            }
        }

        private SymValue EvalInterpolation(IInterpolatedStringOperation interp, Location? location)
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
                            Escape(Eval(c));
                        }

                        parts.Add(new SymUnknown(part.Syntax?.GetLocation()));
                        break;
                }
            }

            return new SymConcat(parts, location);
        }

        /// <summary>
        /// <c>x.Prop</c>: the value assigned to it, the object's collection or nested object, <c>Args</c> of a resource, or
        /// (a default or a derived value such as <c>robot.FullName</c>) a reference resolved once everything is collected.
        /// </summary>
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

            if (IsThis(prop.Instance))
            {
                // A member of the stack the interpreter does not track (Stack.Resources, a property with a body): what it
                // returns may be any of the stack's objects, changed by whoever gets it.
                if (prop.Type is { IsValueType: false, SpecialType: not SpecialType.System_String })
                {
                    EscapeThis();
                }

                return new SymUnknown(location);
            }

            var evaluated = Eval(prop.Instance);
            var instance = Live(evaluated) ?? evaluated;
            if (prop.Arguments.Length == 0 && instance is SymObject obj)
            {
                if (obj.Escaped && !types.IsResourceArgs(prop.Property))
                {
                    return new SymUnknown(location);
                }

                if (obj.Properties.TryGetValue(prop.Property.Name, out var existing))
                {
                    return existing.Value;
                }

                if (types.IsResourceArgs(prop.Property) && obj.Arguments.TryGetValue("args", out var args))
                {
                    return args;
                }

                if (prop.Type is not null && types.IsCollection(prop.Type, out _))
                {
                    return MemberOf(obj, prop, location);
                }

                // A default or a derived value, resolved at the end: a later write to the object would change it.
                Observe(obj);
            }

            if (prop.Arguments.Length == 1 && instance is SymDict dict && KeyNow(Eval(prop.Arguments[0].Value)) is { } key && !dict.Escaped)
            {
                var found = dict.Entries.LastOrDefault(e => KeyNow(e.Key) is { } k && Equals(k.Value, key.Value));
                if (found is not null && dict.Entries.All(e => KeyNow(e.Key) is not null))
                {
                    return found.Value;
                }
            }

            if (instance is SymUnknown || prop.Arguments.Length != 0)
            {
                return new SymUnknown(location);
            }

            return new SymMember(instance, prop.Property.Name, location);
        }

        /// <summary>Marks an object (and a resource's args) as read through a default or a derived value.</summary>
        private static void Observe(SymObject obj)
        {
            obj.Observed = true;
            if (obj.Arguments.TryGetValue("args", out var a) && a is SymObject args)
            {
                args.Observed = true;
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
            catch (OverflowException)
            {
                return new SymUnknown(c.Location);
            }
        }

        private static bool IsNumber(object o) => o is int || o is long || o is double || o is float || o is decimal || o is short || o is byte || o is uint || o is ulong;
    }
}
