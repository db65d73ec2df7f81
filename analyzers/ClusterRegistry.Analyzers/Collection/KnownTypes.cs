using Microsoft.CodeAnalysis;

namespace ClusterRegistry.Analyzers.Collection
{
    /// <summary>The SDK's types in one compilation; null when the compilation does not reference the SDK.</summary>
    internal sealed class KnownTypes
    {
        private KnownTypes(INamedTypeSymbol stack, INamedTypeSymbol resource)
        {
            Stack = stack;
            Resource = resource;
        }

        public INamedTypeSymbol Stack { get; }

        public INamedTypeSymbol Resource { get; }

        public static KnownTypes? Create(Compilation compilation)
        {
            var stack = compilation.GetTypeByMetadataName("ClusterRegistry.Stack");
            var resource = compilation.GetTypeByMetadataName("ClusterRegistry.Resource");
            return stack is null || resource is null ? null : new KnownTypes(stack, resource);
        }

        /// <summary>True for types of the SDK assembly (the assembly that defines <c>ClusterRegistry.Stack</c>).</summary>
        public bool IsSdkType(ITypeSymbol? type) =>
            type is not null && SymbolEqualityComparer.Default.Equals(type.ContainingAssembly, Stack.ContainingAssembly);

        public bool IsStackClass(INamedTypeSymbol type) => type.TypeKind == TypeKind.Class && DerivesFrom(type, Stack);

        public bool IsResource(ITypeSymbol? type) => type is not null && DerivesFrom(type, Resource);

        /// <summary>True when the stack's direct base is another stack class (declarations may live in the base).</summary>
        public bool HasIntermediateBase(INamedTypeSymbol type) =>
            type.BaseType is { } b && !SymbolEqualityComparer.Default.Equals(b, Stack);

        private static bool DerivesFrom(ITypeSymbol type, INamedTypeSymbol baseType)
        {
            var t = type.BaseType;
            var guard = 0;
            while (t is not null && guard++ < 64)
            {
                if (SymbolEqualityComparer.Default.Equals(t.OriginalDefinition, baseType))
                {
                    return true;
                }

                t = t.BaseType;
            }

            return false;
        }
    }
}
