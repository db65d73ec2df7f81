namespace ClusterRegistry.Rendering.Tests.Support;

/// <summary>A stack whose resources a test declares in a lambda.</summary>
public sealed class TestStack : Stack
{
    public TestStack(string name, Action declare) : base(name)
    {
        declare();
    }

    public static Stack Build(Action declare, string name = "test") => Stack.Build(() => new TestStack(name, declare));
}
