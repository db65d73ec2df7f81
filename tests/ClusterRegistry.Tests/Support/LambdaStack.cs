namespace ClusterRegistry.Tests.Support;

/// <summary>A stack whose resources a test declares in a lambda, built through <see cref="Stack.Build{T}"/> like the CLI does.</summary>
public sealed class LambdaStack : Stack
{
    public LambdaStack(string name, Action declare) : base(name)
    {
        declare();
    }

    public static Stack Build(Action declare, string name = "test") => Stack.Build(() => new LambdaStack(name, declare));
}
