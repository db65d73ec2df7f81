using System.Runtime.CompilerServices;

namespace ClusterRegistry.Harbor;

/// <summary>A Harbor project (<c>harbor:index/project:Project</c>).</summary>
public sealed class HarborProject : Resource
{
    public HarborProject(string name, HarborProjectArgs args, [CallerFilePath] string sourceFile = "", [CallerLineNumber] int sourceLine = 0)
        : base(name, sourceFile, sourceLine)
    {
        Args = args ?? throw new StackDefinitionException(name, "args", "null", "HarborProjectArgs are required");
    }

    public HarborProjectArgs Args { get; }

    /// <summary>The project's name in Harbor.</summary>
    public string ProjectName => Args.ProjectName ?? Name;
}
