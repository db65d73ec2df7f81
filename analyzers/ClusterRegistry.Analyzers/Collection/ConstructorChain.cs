using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace ClusterRegistry.Analyzers.Collection
{
    /// <summary>
    /// Which constructors of a stack class and its bases run when the stack is built. A stack has one entry constructor
    /// (the one no other constructor of the class chains to); from it the <c>: this(...)</c> and <c>: base(...)</c>
    /// initialisers name exactly one constructor per class. Those run for certain; any other constructor of the class or
    /// its bases may not run at all (an alternative overload), so what it declares is only possible: two alternative
    /// constructors that each create <c>harbor</c> are not a duplicate, and a probe declared in one is not a probe.
    /// </summary>
    internal static class ConstructorChain
    {
        private const int MaxLength = 64;

        /// <summary>
        /// The constructors that certainly run, by their original definitions; null when the entry is ambiguous (several
        /// constructors nobody chains to), in which case every constructor of a class with several is only possible.
        /// <paramref name="arguments"/> gets, for each constructor on the chain but the entry, what its caller's
        /// <c>: base(...)</c> or <c>: this(...)</c> passes: constants (<c>: base("prod", "192.168.1.105")</c>) and the
        /// caller's own parameters bound that way; anything else is left out (unknown).
        /// </summary>
        public static HashSet<IMethodSymbol>? Certain(
            INamedTypeSymbol stackClass, IEnumerable<(ISymbol Owner, IOperation Block)> blocks, out Dictionary<IMethodSymbol, Dictionary<int, SymValue>> arguments)
        {
            arguments = new Dictionary<IMethodSymbol, Dictionary<int, SymValue>>(SymbolEqualityComparer.Default);

            // Constructor -> its initialiser call (null: it has a body but no initialiser). The driver hands a constructor
            // either as one IConstructorBodyOperation or as its pieces (the initialiser call, the body block).
            var bodies = new Dictionary<IMethodSymbol, IInvocationOperation?>(SymbolEqualityComparer.Default);
            foreach (var (owner, block) in blocks)
            {
                if (owner is not IMethodSymbol { MethodKind: MethodKind.Constructor } ctor)
                {
                    continue;
                }

                var key = ctor.OriginalDefinition;
                var call = block is IConstructorBodyOperation body ? Initializer(body.Initializer) : Initializer(block);
                if (call is not null || !bodies.ContainsKey(key))
                {
                    bodies[key] = call;
                }
            }

            var entry = Entry(stackClass.OriginalDefinition, bodies);
            if (entry is null)
            {
                return null;
            }

            var certain = new HashSet<IMethodSymbol>(SymbolEqualityComparer.Default);
            var bound = new Dictionary<int, SymValue>();
            for (var c = entry; c is not null && certain.Count < MaxLength && certain.Add(c);)
            {
                var next = Next(c, bodies);
                if (next is not null && bodies.TryGetValue(c, out var call) && call is not null)
                {
                    var passed = new Dictionary<int, SymValue>();
                    foreach (var a in call.Arguments)
                    {
                        if (a.Parameter is { } p && Bind(a.Value, c, bound) is { } v)
                        {
                            passed[p.Ordinal] = v;
                        }
                    }

                    arguments[next] = passed;
                    bound = passed;
                }
                else
                {
                    bound = new Dictionary<int, SymValue>();
                }

                c = next;
            }

            return certain;
        }

        // A constant, or a parameter of the calling constructor that its own caller bound.
        private static SymValue? Bind(IOperation value, IMethodSymbol caller, Dictionary<int, SymValue> callerArguments)
        {
            while (value is IConversionOperation { IsImplicit: true } conversion)
            {
                value = conversion.Operand;
            }

            if (value.ConstantValue.HasValue)
            {
                return new SymConst(value.ConstantValue.Value, value.Syntax?.GetLocation());
            }

            return value is IParameterReferenceOperation p &&
                SymbolEqualityComparer.Default.Equals(p.Parameter.ContainingSymbol?.OriginalDefinition, caller) &&
                callerArguments.TryGetValue(p.Parameter.Ordinal, out var v)
                ? v
                : null;
        }

        /// <summary>True when a class declares more than one constructor in source (only then is one of them optional).</summary>
        public static bool HasAlternatives(INamedTypeSymbol type)
        {
            var n = 0;
            foreach (var c in type.InstanceConstructors)
            {
                if (!c.IsImplicitlyDeclared && ++n > 1)
                {
                    return true;
                }
            }

            return false;
        }

        private static IMethodSymbol? Entry(INamedTypeSymbol type, Dictionary<IMethodSymbol, IInvocationOperation?> bodies)
        {
            var explicitOnes = new List<IMethodSymbol>();
            IMethodSymbol? implicitOne = null;
            foreach (var c in type.InstanceConstructors)
            {
                if (c.IsImplicitlyDeclared)
                {
                    implicitOne = c.OriginalDefinition;
                }
                else
                {
                    explicitOnes.Add(c.OriginalDefinition);
                }
            }

            if (explicitOnes.Count == 0)
            {
                return implicitOne;
            }

            var chainedTo = new HashSet<IMethodSymbol>(SymbolEqualityComparer.Default);
            foreach (var c in explicitOnes)
            {
                if (Next(c, bodies) is { } target && SymbolEqualityComparer.Default.Equals(target.ContainingType, type))
                {
                    chainedTo.Add(target);
                }
            }

            IMethodSymbol? entry = null;
            foreach (var c in explicitOnes)
            {
                if (!chainedTo.Contains(c))
                {
                    if (entry is not null)
                    {
                        return null; // two independent overloads: which one builds the stack is not known here
                    }

                    entry = c;
                }
            }

            return entry;
        }

        private static IInvocationOperation? Initializer(IOperation? operation)
        {
            var call = operation is IExpressionStatementOperation statement ? statement.Operation : operation;
            return call is IInvocationOperation { Instance: IInstanceReferenceOperation, TargetMethod.MethodKind: MethodKind.Constructor } invocation
                ? invocation
                : null;
        }

        // The constructor a constructor's initialiser calls: `: this(...)`, `: base(...)`, or for a constructor without an
        // initialiser (or an implicit one) the base class's parameterless constructor.
        private static IMethodSymbol? Next(IMethodSymbol ctor, Dictionary<IMethodSymbol, IInvocationOperation?> bodies)
        {
            if (bodies.TryGetValue(ctor, out var call) && call is not null)
            {
                return call.TargetMethod.OriginalDefinition;
            }

            if (ctor.ContainingType?.BaseType is not { } baseType)
            {
                return null;
            }

            foreach (var c in baseType.OriginalDefinition.InstanceConstructors)
            {
                if (c.Parameters.Length == 0)
                {
                    return c.OriginalDefinition;
                }
            }

            return null;
        }
    }
}
