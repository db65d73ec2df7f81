using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace ClusterRegistry.Analyzers.Collection
{
    /// <summary>
    /// The declarations a stack class inherits. A class such as <c>Homelab : ClusterBase</c> runs <c>ClusterBase</c>'s field
    /// initialisers and constructor before its own, so its topology is the base's resources plus its own. The analyzer
    /// driver hands a symbol-start scope only the blocks of that class's own members, so the blocks of source base classes
    /// are built here from their syntax, once per base and compilation, and shared by every derived stack class.
    /// A base that is not in source (a stack class from a referenced assembly) cannot be read: the stack stays open.
    /// </summary>
    internal sealed class BaseStackBlocks
    {
        private const int MaxDepth = 16;

        private readonly KnownTypes types;
        private readonly Compilation compilation;
        private readonly ConcurrentDictionary<INamedTypeSymbol, ImmutableArray<(ISymbol Owner, IOperation Block)>> cache =
            new ConcurrentDictionary<INamedTypeSymbol, ImmutableArray<(ISymbol, IOperation)>>(SymbolEqualityComparer.Default);

        private readonly ConcurrentDictionary<INamedTypeSymbol, HashSet<(string Id, string Message, Location Location)>> standalone =
            new ConcurrentDictionary<INamedTypeSymbol, HashSet<(string, string, Location)>>(SymbolEqualityComparer.Default);

        public BaseStackBlocks(KnownTypes types, Compilation compilation)
        {
            this.types = types;
            this.compilation = compilation;
        }

        /// <summary>
        /// The blocks of every stack class between <paramref name="stackClass"/> and <c>Stack</c>; <paramref name="complete"/>
        /// is false when one of them is not in this compilation's source (its declarations are unknown).
        /// </summary>
        public List<BaseBlock> For(INamedTypeSymbol stackClass, out IReadOnlyList<INamedTypeSymbol> bases, out bool complete, CancellationToken cancellationToken)
        {
            var result = new List<BaseBlock>();
            var chain = new List<INamedTypeSymbol>();
            complete = true;
            var depth = 0;
            for (var t = stackClass.BaseType; t is not null && !SymbolEqualityComparer.Default.Equals(t.OriginalDefinition, types.Stack); t = t.BaseType)
            {
                cancellationToken.ThrowIfCancellationRequested();
                depth++;
                var definition = t.OriginalDefinition;
                if (depth > MaxDepth || !IsInSource(definition))
                {
                    complete = false;
                    break;
                }

                chain.Add(definition);
                var blocks = cache.GetOrAdd(definition, d => Build(d, cancellationToken));
                foreach (var (owner, block) in blocks)
                {
                    result.Add(new BaseBlock(owner, block, depth));
                }
            }

            bases = chain;
            return result;
        }

        /// <summary>
        /// True when <paramref name="baseType"/>, analysed as a stack class of its own, reports this finding at this location
        /// (computed once per base and compilation).
        /// </summary>
        public bool ReportsItself(INamedTypeSymbol baseType, string id, string message, Location location, CancellationToken cancellationToken) =>
            standalone.GetOrAdd(baseType, b => Standalone(b, cancellationToken)).Contains((id, message, location));

        private HashSet<(string, string, Location)> Standalone(INamedTypeSymbol baseType, CancellationToken cancellationToken)
        {
            var collector = new StackCollector(types, baseType);
            foreach (var (owner, block) in cache.GetOrAdd(baseType, d => Build(d, cancellationToken)))
            {
                collector.Add(owner, new[] { block });
            }

            collector.AddInherited(this, cancellationToken);
            var found = new HashSet<(string, string, Location)>();
            foreach (var d in StackEvaluation.Evaluate(collector, this, cancellationToken))
            {
                found.Add((d.Id, d.GetMessage(System.Globalization.CultureInfo.InvariantCulture), d.Location));
            }

            return found;
        }

        private bool IsInSource(INamedTypeSymbol type)
        {
            if (type.DeclaringSyntaxReferences.IsDefaultOrEmpty)
            {
                return false;
            }

            foreach (var r in type.DeclaringSyntaxReferences)
            {
                if (!compilation.ContainsSyntaxTree(r.SyntaxTree))
                {
                    return false;
                }
            }

            return true;
        }

        // The same blocks the driver gives an operation-block action: a method's body (constructors, methods, accessors)
        // and a field's or property's initializer.
        private ImmutableArray<(ISymbol Owner, IOperation Block)> Build(INamedTypeSymbol type, CancellationToken cancellationToken)
        {
            var blocks = ImmutableArray.CreateBuilder<(ISymbol, IOperation)>();
            var models = new Dictionary<SyntaxTree, SemanticModel>();
            foreach (var member in type.GetMembers())
            {
                foreach (var reference in member.DeclaringSyntaxReferences)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    var node = reference.GetSyntax(cancellationToken);
                    var target = member switch
                    {
                        IMethodSymbol => node,
                        IFieldSymbol => (node as VariableDeclaratorSyntax)?.Initializer,
                        IPropertySymbol => (node as PropertyDeclarationSyntax)?.Initializer,
                        _ => null,
                    };
                    if (target is null)
                    {
                        continue;
                    }

                    if (!models.TryGetValue(node.SyntaxTree, out var model))
                    {
                        // A base class's members are outside the derived class's symbol scope, so the driver never hands
                        // their operation blocks to it: bind them here (once per base, see the cache).
#pragma warning disable RS1030 // Do not invoke Compilation.GetSemanticModel() method within a diagnostic analyzer
                        model = compilation.GetSemanticModel(node.SyntaxTree);
#pragma warning restore RS1030
                        models[node.SyntaxTree] = model;
                    }

                    if (model.GetOperation(target, cancellationToken) is { } operation)
                    {
                        blocks.Add((member, operation));
                    }
                }
            }

            return blocks.ToImmutable();
        }
    }
}
