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
        /// </summary>
        public static HashSet<IMethodSymbol>? Certain(INamedTypeSymbol stackClass, IEnumerable<(ISymbol Owner, IOperation Block)> blocks)
        {
            // Constructor -> the constructor its initialiser calls (null: it has a body but no initialiser). The driver hands a
            // constructor either as one IConstructorBodyOperation or as its pieces (the initialiser call, the body block).
            var bodies = new Dictionary<IMethodSymbol, IMethodSymbol?>(SymbolEqualityComparer.Default);
            foreach (var (owner, block) in blocks)
            {
                if (owner is not IMethodSymbol { MethodKind: MethodKind.Constructor } ctor)
                {
                    continue;
                }

                var key = ctor.OriginalDefinition;
                var target = block is IConstructorBodyOperation body ? Initializer(body.Initializer) : Initializer(block);
                if (target is not null || !bodies.ContainsKey(key))
                {
                    bodies[key] = target;
                }
            }

            var entry = Entry(stackClass.OriginalDefinition, bodies);
            if (entry is null)
            {
                return null;
            }

            var certain = new HashSet<IMethodSymbol>(SymbolEqualityComparer.Default);
            for (var c = entry; c is not null && certain.Count < MaxLength && certain.Add(c);)
            {
                c = Next(c, bodies);
            }

            return certain;
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

        private static IMethodSymbol? Entry(INamedTypeSymbol type, Dictionary<IMethodSymbol, IMethodSymbol?> bodies)
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

        private static IMethodSymbol? Initializer(IOperation? operation)
        {
            var call = operation is IExpressionStatementOperation statement ? statement.Operation : operation;
            return call is IInvocationOperation { Instance: IInstanceReferenceOperation, TargetMethod: { MethodKind: MethodKind.Constructor } method }
                ? method.OriginalDefinition
                : null;
        }

        // The constructor a constructor's initialiser calls: `: this(...)`, `: base(...)`, or for a constructor without an
        // initialiser (or an implicit one) the base class's parameterless constructor.
        private static IMethodSymbol? Next(IMethodSymbol ctor, Dictionary<IMethodSymbol, IMethodSymbol?> bodies)
        {
            if (bodies.TryGetValue(ctor, out var target) && target is not null)
            {
                return target;
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
