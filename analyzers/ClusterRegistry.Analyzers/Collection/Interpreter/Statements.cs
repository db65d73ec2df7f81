using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace ClusterRegistry.Analyzers.Collection
{
    /// <summary>Statements: blocks in order, declarations, returns; branches, loops and the like run "maybe".</summary>
    internal sealed partial class StackInterpreter
    {
        private void Exec(IOperation? op)
        {
            if (op is null)
            {
                return;
            }

            if (++depth > MaxDepth)
            {
                depth--;
                result.Open = true;
                return;
            }

            try
            {
                ExecCore(op);
            }
            finally
            {
                depth--;
            }
        }

        private void ExecCore(IOperation op)
        {
            switch (op)
            {
                case IBlockOperation block:
                    foreach (var s in block.Operations)
                    {
                        if (s is ILabeledOperation)
                        {
                            // A label may be jumped back to: what the block writes later may already hold here.
                            ForgetLocalsWrittenIn(block);
                        }

                        Exec(s);
                    }

                    break;
                case IConstructorBodyOperation body:
                    Exec(body.Initializer);
                    Exec(body.BlockBody);
                    Exec(body.ExpressionBody);
                    break;
                case IMethodBodyOperation body:
                    Exec(body.BlockBody);
                    Exec(body.ExpressionBody);
                    break;
                case IExpressionStatementOperation stmt:
                    Eval(stmt.Operation);
                    break;
                case IVariableDeclarationGroupOperation group:
                    foreach (var decl in group.Declarations)
                    {
                        foreach (var d in decl.Declarators)
                        {
                            var init = d.Initializer?.Value ?? decl.Initializer?.Value;
                            var value = init is null ? new SymUnknown(d.Syntax.GetLocation()) : Eval(init);
                            if (d.Symbol is not null)
                            {
                                DeclareLocal(d.Symbol, value, d.Syntax.GetLocation());
                            }
                        }
                    }

                    break;
                case IFieldInitializerOperation fieldInit:
                    {
                        var value = Eval(fieldInit.Value);
                        foreach (var f in fieldInit.InitializedFields)
                        {
                            AssignField(f, value);
                        }

                        break;
                    }

                case IPropertyInitializerOperation propInit:
                    {
                        var value = Eval(propInit.Value);
                        foreach (var p in propInit.InitializedProperties)
                        {
                            if (IsOwnAutoProperty(p))
                            {
                                AssignField(p, value);
                            }
                            else
                            {
                                Escape(value);
                            }
                        }

                        break;
                    }

                case IReturnOperation ret:
                    {
                        var value = Eval(ret.ReturnedValue);
                        if (frames.Count > 0 && ret.Kind == OperationKind.Return)
                        {
                            var frame = frames.Peek();
                            frame.Returns.Add(value);
                            frame.ReturnsConditionally |= conditional > frame.ConditionalAtCall;
                        }

                        break;
                    }

                case IInvocationOperation or IObjectCreationOperation or ISimpleAssignmentOperation:
                    Eval(op);
                    break;
                case ILocalFunctionOperation:
                case IParameterInitializerOperation:
                    {
                        // Local functions run only when called, maybe after later writes: their resources are conditional and
                        // what they change becomes unknown for good.
                        var saved = EnterDeferred();
                        try
                        {
                            foreach (var child in op.ChildOperations)
                            {
                                Exec(child);
                            }
                        }
                        finally
                        {
                            ExitDeferred(saved);
                        }

                        break;
                    }

                default:
                    {
                        if (op is ILoopOperation loop)
                        {
                            // From the second iteration on, a local holds what the body wrote the iteration before.
                            ForgetLocalsWrittenIn(loop);
                        }

                        // if/switch/loops/try/using/lock and anything else: statements inside may or may not run.
                        var outer = EnterMaybe();
                        try
                        {
                            foreach (var child in op.ChildOperations)
                            {
                                if (child is IBlockOperation || child.Kind == OperationKind.ExpressionStatement ||
                                    child.Kind == OperationKind.VariableDeclarationGroup || child.Parent == op && IsStatementLike(child))
                                {
                                    Exec(child);
                                }
                                else
                                {
                                    Eval(child);
                                }
                            }
                        }
                        finally
                        {
                            ExitMaybe(outer);
                        }

                        break;
                    }
            }
        }

        private static bool IsStatementLike(IOperation op) =>
            op is IBranchOperation || op is ILoopOperation || op is IConditionalOperation || op is ISwitchOperation ||
            op is ITryOperation || op is IUsingOperation || op is ILockOperation || op is ILabeledOperation ||
            op is ILocalFunctionOperation || op is IReturnOperation || op is ISwitchCaseOperation;

        /// <summary>Every local <paramref name="region"/> writes becomes unknown here (what it held may have escaped).</summary>
        private void ForgetLocalsWrittenIn(IOperation region)
        {
            foreach (var local in WriteScan.LocalsWrittenIn(region))
            {
                if (locals.TryGetValue(local, out var old))
                {
                    Escape(old);
                    locals[local] = new SymUnknown(old.Location);
                }
            }
        }
    }
}
