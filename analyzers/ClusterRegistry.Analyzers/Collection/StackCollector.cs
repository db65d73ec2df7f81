using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;

namespace ClusterRegistry.Analyzers.Collection
{
    /// <summary>
    /// Gathers the operation blocks of one stack class while the compiler analyses its members (concurrently), then
    /// interprets them in source order once the class is complete.
    /// </summary>
    internal sealed class StackCollector
    {
        private readonly object gate = new object();
        private readonly List<(ISymbol Owner, IOperation Block)> blocks = new List<(ISymbol, IOperation)>();

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

            var ordered = snapshot
                .OrderBy(b => Rank(b.Owner))
                .ThenBy(b => b.Block.Syntax?.SyntaxTree?.FilePath ?? "", System.StringComparer.Ordinal)
                .ThenBy(b => b.Block.Syntax?.SpanStart ?? 0);
            var interpreter = new StackInterpreter(Types, StackClass);
            foreach (var (owner, block) in ordered)
            {
                interpreter.Run(block, owner);
            }

            return (interpreter.Result, new Resolver(interpreter.FieldAssignments));
        }

        private static int Rank(ISymbol owner) => owner switch
        {
            IFieldSymbol or IPropertySymbol => 0,
            IMethodSymbol { MethodKind: MethodKind.Constructor } => 1,
            _ => 2,
        };
    }
}
