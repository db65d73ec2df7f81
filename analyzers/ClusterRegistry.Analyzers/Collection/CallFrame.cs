using System.Collections.Generic;
using Microsoft.CodeAnalysis;

namespace ClusterRegistry.Analyzers.Collection
{
    /// <summary>
    /// One helper method of the stack class being interpreted at its call site (<c>AddRegistryAuth(patch, robot)</c> from
    /// the constructor), or a base constructor on the chain that builds the stack (<c>: base("prod", "10.43.0.10")</c>):
    /// its arguments by parameter position and the values it returns.
    /// </summary>
    internal sealed class CallFrame
    {
        public CallFrame(IMethodSymbol method, Dictionary<int, SymValue> arguments, int conditionalAtCall)
        {
            Method = method;
            Arguments = arguments;
            ConditionalAtCall = conditionalAtCall;
        }

        /// <summary>The method's definition.</summary>
        public IMethodSymbol Method { get; }

        /// <summary>Parameter ordinal → the argument's value (unknown once the method assigns the parameter on a branch).</summary>
        public Dictionary<int, SymValue> Arguments { get; }

        /// <summary>How deep in branches the call site is: a return deeper than that is a conditional one.</summary>
        public int ConditionalAtCall { get; }

        /// <summary>The values of the method's return statements.</summary>
        public List<SymValue> Returns { get; } = new List<SymValue>();

        /// <summary>A return inside a branch or loop: which value comes back is not known.</summary>
        public bool ReturnsConditionally { get; set; }
    }
}
