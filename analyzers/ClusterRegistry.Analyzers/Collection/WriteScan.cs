using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace ClusterRegistry.Analyzers.Collection
{
    /// <summary>
    /// Finds where locals are written, for the writes whose order the interpreter cannot know: inside a lambda or local
    /// function (it runs whenever it is called), through a <c>ref</c> local (an alias), or in a loop body (the next
    /// iteration sees it).
    /// </summary>
    internal static class WriteScan
    {
        /// <summary>
        /// Adds to <paramref name="untracked"/> the locals declared outside a lambda or local function and written inside
        /// it, and the locals a <c>ref</c> local refers to (and the ref local itself). <paramref name="op"/> is one
        /// operation of a walk over a whole block (the collector walks every block once).
        /// </summary>
        public static void Visit(IOperation op, ISet<ILocalSymbol> untracked)
        {
            switch (op)
            {
                case IAnonymousFunctionOperation or ILocalFunctionOperation:
                    foreach (var inner in op.Descendants())
                    {
                        if (inner is ILocalReferenceOperation r && IsWrite(r) && !DeclaredWithin(r.Local, op.Syntax))
                        {
                            untracked.Add(r.Local);
                        }
                    }

                    break;
                case IVariableDeclaratorOperation { Symbol: { IsRef: true } refLocal } declarator:
                    untracked.Add(refLocal);
                    if (declarator.Initializer is not null)
                    {
                        foreach (var inner in declarator.Initializer.DescendantsAndSelf())
                        {
                            if (inner is ILocalReferenceOperation r)
                            {
                                untracked.Add(r.Local);
                            }
                        }
                    }

                    break;
            }
        }

        /// <summary>The locals <paramref name="region"/> writes (assignment of any kind, ++/--, ref/out argument).</summary>
        public static IEnumerable<ILocalSymbol> LocalsWrittenIn(IOperation region)
        {
            var seen = new HashSet<ILocalSymbol>(SymbolEqualityComparer.Default);
            foreach (var op in region.DescendantsAndSelf())
            {
                if (op is ILocalReferenceOperation r && IsWrite(r) && seen.Add(r.Local))
                {
                    yield return r.Local;
                }
            }
        }

        /// <summary>True when the reference is written: the target of an assignment (also in a tuple), ++/--, a ref/out argument.</summary>
        public static bool IsWrite(ILocalReferenceOperation reference)
        {
            IOperation child = reference;
            var parent = reference.Parent;
            while (parent is ITupleOperation || parent is IDeclarationExpressionOperation)
            {
                child = parent;
                parent = parent.Parent;
            }

            switch (parent)
            {
                case IAssignmentOperation assignment:
                    return assignment.Target == child;
                case IIncrementOrDecrementOperation:
                    return true;
                case IArgumentOperation argument:
                    return argument.Parameter?.RefKind is RefKind.Ref or RefKind.Out;
                default:
                    return false;
            }
        }

        private static bool DeclaredWithin(ILocalSymbol local, SyntaxNode? region)
        {
            if (region is null)
            {
                return false;
            }

            foreach (var r in local.DeclaringSyntaxReferences)
            {
                if (r.SyntaxTree == region.SyntaxTree && region.Span.Contains(r.Span))
                {
                    return true;
                }
            }

            return false;
        }
    }
}
