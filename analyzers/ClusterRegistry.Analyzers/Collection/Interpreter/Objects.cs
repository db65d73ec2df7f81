using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace ClusterRegistry.Analyzers.Collection
{
    /// <summary>SDK objects and collections: creation (a resource is a declaration), initialisers, members, <c>Add</c>.</summary>
    internal sealed partial class StackInterpreter
    {
        private SymValue EvalCreation(IObjectCreationOperation creation)
        {
            var location = creation.Syntax?.GetLocation();
            var type = creation.Type;
            if (!types.IsSdkType(type) || type is null)
            {
                // An object of another library: what it is given may be kept and changed by it.
                foreach (var a in creation.Arguments)
                {
                    EscapeOperand(a.Value, Eval(a.Value));
                }

                HavocRefArguments(creation.Arguments);
                if (creation.Initializer is not null)
                {
                    foreach (var i in creation.Initializer.Initializers)
                    {
                        EscapeOperand(i, Eval(i));
                    }
                }

                return new SymUnknown(location);
            }

            SymValue target;
            if (types.IsCollection(type, out var isDictionary))
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

            target.Scope = scope;
            if (creation.Initializer is not null)
            {
                ApplyInitializer(target, creation.Initializer);
            }

            if (target is SymObject o && types.IsResource(type))
            {
                result.Resources.Add(new ResourceDeclaration(o, conditional > 0, outsideConstructor: beforeConstructor && deferred == 0));
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
                        EscapeOperand(i, Eval(i));
                        Escape(target);
                        break;
                }
            }
        }

        /// <summary>
        /// The value of a member of <paramref name="target"/> that an initializer or a statement is about to change: the
        /// assigned value, or the collection or SDK object the model creates for it, recorded on the object.
        /// </summary>
        private SymValue MemberOf(SymValue target, IOperation member, Location? location)
        {
            if (member is IPropertyReferenceOperation prop && target is SymObject obj && prop.Arguments.Length == 0 && !obj.Escaped)
            {
                if (obj.Properties.TryGetValue(prop.Property.Name, out var existing))
                {
                    return existing.Value;
                }

                SymValue created;
                if (types.IsCollection(prop.Type!, out var isDict))
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

                created.Scope = obj.Scope;
                obj.Properties[prop.Property.Name] = new SymProperty(created, location);
                return created;
            }

            return new SymUnknown(location);
        }

        /// <summary><c>list.Add(x)</c> / <c>dict.Add(k, v)</c> (also in a collection initializer); any other change is not modelled.</summary>
        private void ApplyAdd(SymValue target, IInvocationOperation call)
        {
            var location = call.Syntax?.GetLocation();
            var args = call.Arguments.Select(a => Eval(a.Value)).ToList();
            if (target.Escaped || ChangedLater(target) || !types.IsCollectionAdd(call.TargetMethod))
            {
                // Remove, Clear, Insert, AddRange, ... or a change that cannot be ordered: the collection is unknown.
                Escape(target);
                for (var i = 0; i < args.Count; i++)
                {
                    EscapeOperand(call.Arguments[i].Value, args[i]);
                }

                return;
            }

            if (scope != target.Scope)
            {
                // An element may or may not be added.
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
                Escape(target);
            }
        }

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
}
