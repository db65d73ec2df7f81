using Microsoft.CodeAnalysis;

namespace ClusterRegistry.Analyzers.Collection
{
    /// <summary>One member's operation block, with how far up the class hierarchy its member is declared.</summary>
    internal readonly struct BaseBlock
    {
        public BaseBlock(ISymbol owner, IOperation block, int depth)
        {
            Owner = owner;
            Block = block;
            Depth = depth;
        }

        public ISymbol Owner { get; }

        public IOperation Block { get; }

        /// <summary>0 for the stack class itself, 1 for its direct base, 2 for that one's base, ...: deepest runs first, as at run time.</summary>
        public int Depth { get; }
    }
}
