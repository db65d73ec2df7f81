using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace ClusterRegistry.Analyzers.Collection
{
    /// <summary>
    /// Invocations: <c>Add</c> on a tracked collection, the stack's <c>base(name)</c>, SDK factories, <c>TimeSpan.FromX</c>,
    /// helper methods of the stack class (inlined), and everything else, which may change what it is given.
    /// </summary>
    internal sealed partial class StackInterpreter
    {
        private const int MaxCallDepth = 8;

        // Calls interpreted per stack class: helpers calling helpers many times each must not cost the IDE exponential time.
        private const int MaxInlinedCalls = 2000;
        private int inlinedCalls;

        private SymValue EvalInvocation(IInvocationOperation call, Location? location)
        {
            var method = call.TargetMethod;
            if (call.Instance is not null && !method.IsStatic && types.IsCollection(method.ContainingType, out _) && !IsThis(call.Instance))
            {
                // list.Add(x), args.Nodes.Add(x), args.Mirrors.Remove(k), ...: a change of the collection.
                var collection = EvalTarget(call.Instance);
                if (collection is SymList || collection is SymDict)
                {
                    ApplyAdd(collection, call);
                    return new SymUnknown(location);
                }

                foreach (var a in call.Arguments)
                {
                    EscapeOperand(a.Value, Eval(a.Value));
                }

                HavocRefArguments(call.Arguments);
                return new SymUnknown(location);
            }

            // The base(...) call of a stack constructor names the stack.
            if (method.MethodKind == MethodKind.Constructor && call.Instance is IInstanceReferenceOperation &&
                SymbolEqualityComparer.Default.Equals(method.ContainingType, types.Stack))
            {
                if (call.Arguments.Length > 0)
                {
                    result.Name = Eval(call.Arguments[0].Value);
                }

                return new SymUnknown(location);
            }

            var instanceValue = call.Instance is null ? null : Eval(call.Instance);
            var args = new Dictionary<string, SymValue>();
            var values = new List<SymValue>(call.Arguments.Length);
            foreach (var a in call.Arguments)
            {
                var v = Eval(a.Value);
                values.Add(v);
                if (a.Parameter is not null)
                {
                    args[a.Parameter.Name] = v;
                }
            }

            if (method.IsStatic && types.IsSdkType(method.ContainingType))
            {
                // An SDK factory (Secret.FromEnvironment, RobotPermission.Pull, ...): recorded as a call the snapshot builder knows.
                var obj = new SymObject(method.ContainingType.Name + "." + method.Name, location, location) { Scope = scope };
                foreach (var kv in args)
                {
                    obj.Arguments[kv.Key] = kv.Value;
                }

                return obj;
            }

            if (method.IsStatic && types.IsTimeSpan(method.ContainingType) && args.Count == 1 && TimeSpanOf(method, args.Values.First()) is { } ts)
            {
                return new SymConst(ts, location);
            }

            if (TryInline(call, method, args, location, out var returned))
            {
                return returned;
            }

            // Anything else may change what it is given, and a method of the stack not followed may change its fields.
            // A constructor initializer (: base(...), : this(...)) is not such a call: the constructors on the chain are
            // interpreted in order by the collector (ConstructorChain).
            var constructorInitializer = method.MethodKind == MethodKind.Constructor && call.Instance is IInstanceReferenceOperation;
            if (!constructorInitializer && call.Instance is not null && instanceValue is not null)
            {
                EscapeOperand(call.Instance, instanceValue);
            }
            else if (!constructorInitializer && !method.IsStatic && method.ContainingType is { } owner && IsStackOrBase(owner))
            {
                EscapeThis();
            }

            for (var i = 0; i < values.Count; i++)
            {
                EscapeOperand(call.Arguments[i].Value, values[i]);
            }

            HavocRefArguments(call.Arguments);
            return new SymUnknown(location);
        }

        private static bool IsThis(IOperation op) => op is IInstanceReferenceOperation { ReferenceKind: InstanceReferenceKind.ContainingTypeInstance };

        /// <summary>After a call not followed, what it was given by <c>ref</c> or <c>out</c> may hold anything.</summary>
        private void HavocRefArguments(ImmutableArray<IArgumentOperation> arguments)
        {
            foreach (var a in arguments)
            {
                if (a.Parameter?.RefKind is RefKind.Ref or RefKind.Out)
                {
                    Havoc(a.Value, a.Syntax?.GetLocation());
                }
            }
        }

        private static TimeSpan? TimeSpanOf(IMethodSymbol method, SymValue argument)
        {
            if (argument is not SymConst { Value: { } n } || !IsNumber(n))
            {
                return null;
            }

            var d = System.Convert.ToDouble(n, System.Globalization.CultureInfo.InvariantCulture);
            try
            {
                return method.Name switch
                {
                    "FromSeconds" => TimeSpan.FromSeconds(d),
                    "FromMilliseconds" => TimeSpan.FromMilliseconds(d),
                    "FromMinutes" => TimeSpan.FromMinutes(d),
                    "FromHours" => TimeSpan.FromHours(d),
                    _ => null,
                };
            }
            catch (Exception e) when (e is OverflowException || e is ArgumentException)
            {
                return null;
            }
        }

        /// <summary>
        /// A call to a method of the stack class or a base (<c>AddSpegel()</c>, <c>Robot(harbor, "ci")</c>) is interpreted
        /// where it is made, with its arguments bound to its parameters, as if its body were written there; its value is
        /// what it returns when it has one unconditional return. Not followed (the call stays an escape): virtual,
        /// abstract and override methods (a derived class may replace them), <c>ref</c>/<c>out</c> parameters, recursion,
        /// calls nested deeper than <see cref="MaxCallDepth"/> or beyond <see cref="MaxInlinedCalls"/> in all, and methods
        /// without a body in source; the last three make the stack open.
        /// </summary>
        private bool TryInline(IInvocationOperation call, IMethodSymbol method, Dictionary<string, SymValue> args, Location? location, out SymValue returned)
        {
            returned = new SymUnknown(location);
            var definition = method.OriginalDefinition;
            if (method.MethodKind != MethodKind.Ordinary || method.IsAbstract || method.IsVirtual || method.IsOverride || method.IsExtern ||
                !(call.Instance is null || call.Instance is IInstanceReferenceOperation) ||
                method.ContainingType is not { } owner || !IsStackOrBase(owner) ||
                !methodBodies.TryGetValue(definition, out var body))
            {
                return false;
            }

            if (frames.Count >= MaxCallDepth || inlinedCalls >= MaxInlinedCalls)
            {
                result.Open = true; // a helper of the stack not followed: it may declare more
                return false;
            }

            foreach (var p in method.Parameters)
            {
                if (p.RefKind != RefKind.None)
                {
                    return false;
                }
            }

            foreach (var f in frames)
            {
                if (SymbolEqualityComparer.Default.Equals(f.Method, definition))
                {
                    result.Open = true; // recursion: the deeper calls may declare more
                    return false;
                }
            }

            var arguments = new Dictionary<int, SymValue>();
            foreach (var p in method.Parameters)
            {
                arguments[p.Ordinal] = args.TryGetValue(p.Name, out var v) ? v : new SymUnknown(location);
            }

            inlinedCalls++;
            var frame = new CallFrame(definition, arguments, conditional);
            frames.Push(frame);
            try
            {
                Exec(body);
            }
            finally
            {
                frames.Pop();
            }

            inlined.Add(definition);
            if (frame.Returns.Count == 1 && !frame.ReturnsConditionally)
            {
                returned = frame.Returns[0];
            }

            return true;
        }
    }
}
