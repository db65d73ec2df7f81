using System.Collections.Generic;
using Microsoft.CodeAnalysis;

namespace ClusterRegistry.Analyzers.Collection
{
    /// <summary>A resource created in a stack class: the object and whether it is created on every path.</summary>
    internal sealed class ResourceDeclaration
    {
        public ResourceDeclaration(SymObject resource, bool conditional, bool outsideConstructor = false)
        {
            Resource = resource;
            Conditional = conditional;
            OutsideConstructor = outsideConstructor;
        }

        public SymObject Resource { get; }

        /// <summary>Created inside a branch, loop or lambda: it may or may not exist.</summary>
        public bool Conditional { get; }

        /// <summary>
        /// Created by a field or property initialiser or a static constructor, which run before the stack's constructor:
        /// the model refuses it (there is no stack to register with yet).
        /// </summary>
        public bool OutsideConstructor { get; }
    }

    /// <summary>Everything one stack class declares, as far as the analyzer can follow it.</summary>
    internal sealed class StackDeclarations
    {
        public StackDeclarations(INamedTypeSymbol stackClass)
        {
            StackClass = stackClass;
        }

        public INamedTypeSymbol StackClass { get; }

        /// <summary>The name passed to <c>base(...)</c>.</summary>
        public SymValue? Name { get; set; }

        public List<ResourceDeclaration> Resources { get; } = new List<ResourceDeclaration>();

        /// <summary>
        /// True when declarations may exist that the analyzer does not see (a base stack class, a resource created
        /// conditionally or in code it does not follow): rules about something being absent stay silent.
        /// </summary>
        public bool Open { get; set; }
    }
}
