using System.Collections.Concurrent;
using Microsoft.CodeAnalysis;

namespace ClusterRegistry.Analyzers.Collection
{
    /// <summary>The SDK's types in one compilation; null when the compilation does not reference the SDK.</summary>
    internal sealed class KnownTypes
    {
        private readonly ConcurrentDictionary<ITypeSymbol, int> collections = new ConcurrentDictionary<ITypeSymbol, int>(SymbolEqualityComparer.Default);
        private readonly INamedTypeSymbol? dictionary;
        private readonly INamedTypeSymbol? readOnlyDictionary;
        private readonly INamedTypeSymbol? timeSpan;
        private readonly ConcurrentDictionary<IPropertySymbol, bool> resourceArgs = new ConcurrentDictionary<IPropertySymbol, bool>(SymbolEqualityComparer.Default);

        private KnownTypes(INamedTypeSymbol stack, INamedTypeSymbol resource, Compilation compilation)
        {
            Stack = stack;
            Resource = resource;
            dictionary = compilation.GetTypeByMetadataName("System.Collections.Generic.IDictionary`2");
            readOnlyDictionary = compilation.GetTypeByMetadataName("System.Collections.Generic.IReadOnlyDictionary`2");
            timeSpan = compilation.GetTypeByMetadataName("System.TimeSpan");
        }

        public INamedTypeSymbol Stack { get; }

        public INamedTypeSymbol Resource { get; }

        public static KnownTypes? Create(Compilation compilation)
        {
            var stack = compilation.GetTypeByMetadataName("ClusterRegistry.Stack");
            var resource = compilation.GetTypeByMetadataName("ClusterRegistry.Resource");
            return stack is null || resource is null ? null : new KnownTypes(stack, resource, compilation);
        }

        /// <summary>True for types of the SDK assembly (the assembly that defines <c>ClusterRegistry.Stack</c>).</summary>
        public bool IsSdkType(ITypeSymbol? type) =>
            type is not null && SymbolEqualityComparer.Default.Equals(type.ContainingAssembly, Stack.ContainingAssembly);

        public bool IsStackClass(INamedTypeSymbol type) => type.TypeKind == TypeKind.Class && DerivesFrom(type, Stack);

        public bool IsResource(ITypeSymbol? type) => type is not null && DerivesFrom(type, Resource);

        /// <summary>True for System.TimeSpan.</summary>
        public bool IsTimeSpan(ITypeSymbol? type) => type is not null && SymbolEqualityComparer.Default.Equals(type, timeSpan);

        /// <summary>
        /// True for a collection (any IEnumerable&lt;T&gt; but string, or an array); <paramref name="isDictionary"/> for an
        /// (read-only) dictionary. Cached per type: stack code asks about the same few types (List, Dictionary) many times.
        /// </summary>
        public bool IsCollection(ITypeSymbol type, out bool isDictionary)
        {
            var kind = collections.GetOrAdd(type, ClassifyCollection);
            isDictionary = kind == 2;
            return kind != 0;
        }

        /// <summary>0: not a collection, 1: a collection, 2: a dictionary.</summary>
        private int ClassifyCollection(ITypeSymbol type)
        {
            if (type.SpecialType == SpecialType.System_String)
            {
                return 0;
            }

            var self = type is INamedTypeSymbol n && n.TypeKind == TypeKind.Interface ? n : null;
            foreach (var i in self is null ? type.AllInterfaces : type.AllInterfaces.Add(self))
            {
                var definition = i.OriginalDefinition;
                if (SymbolEqualityComparer.Default.Equals(definition, dictionary) || SymbolEqualityComparer.Default.Equals(definition, readOnlyDictionary))
                {
                    return 2;
                }
            }

            foreach (var i in type.AllInterfaces)
            {
                if (i.OriginalDefinition.SpecialType == SpecialType.System_Collections_Generic_IEnumerable_T)
                {
                    return 1;
                }
            }

            return type is IArrayTypeSymbol ? 1 : 0;
        }

        /// <summary>
        /// True for a resource's <c>Args</c>: a get-only property of a resource type, of an SDK type, holding the object its
        /// constructor's <c>args</c> parameter received (<c>SpegelRelease.Args</c>).
        /// </summary>
        public bool IsResourceArgs(IPropertySymbol property) => resourceArgs.GetOrAdd(property, ClassifyResourceArgs);

        /// <summary>
        /// True for the <c>Add</c> of a collection the interpreter models: <c>list.Add(item)</c> (one argument) or
        /// <c>dictionary.Add(key, value)</c> (two), an instance method of a collection type (<see cref="IsCollection"/>).
        /// </summary>
        public bool IsCollectionAdd(IMethodSymbol method) =>
            method is { Name: "Add", IsStatic: false, MethodKind: MethodKind.Ordinary } &&
            method.ContainingType is { } owner && IsCollection(owner, out var isDictionary) &&
            method.Parameters.Length == (isDictionary ? 2 : 1);

        private bool ClassifyResourceArgs(IPropertySymbol property)
        {
            if (property.IsStatic || property.SetMethod is not null || property.Parameters.Length != 0 ||
                !IsResource(property.ContainingType) || !IsSdkType(property.Type))
            {
                return false;
            }

            foreach (var constructor in property.ContainingType.InstanceConstructors)
            {
                foreach (var p in constructor.Parameters)
                {
                    if (p.Name == "args" && SymbolEqualityComparer.Default.Equals(p.Type, property.Type))
                    {
                        return true;
                    }
                }
            }

            return false;
        }

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
