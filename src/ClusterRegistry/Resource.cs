using ClusterRegistry.Rules;
using ClusterRegistry.Rules.General;

namespace ClusterRegistry;

/// <summary>Base of every declared resource. Resources register with the stack whose constructor is running.</summary>
public abstract class Resource
{
    protected Resource(string name, string sourceFile, int sourceLine)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            // CRG002's finding, word for word: the analyzer squiggles the blank name with the message synth and check refuse it with.
            throw StackDefinitionException.ForRule(RuleIds.Crg002, $"{GetType().Name} '{name}'", "name", name ?? "", Crg002DuplicateName.BlankName);
        }

        Name = name;
        Source = new SourceLocation(sourceFile, sourceLine);
        Stack = Stack.CurrentForRegistration(this);
        Stack.Register(this);
    }

    /// <summary>The logical name, unique per resource kind within a stack.</summary>
    public string Name { get; }

    /// <summary>The stack this resource belongs to.</summary>
    public Stack Stack { get; }

    /// <summary>Where the resource was declared, for SARIF and messages (<see cref="SourceLocation.RelativePath"/> is repository-relative).</summary>
    public SourceLocation Source { get; }

    /// <summary>A short kind name used in messages and rendered identifiers, e.g. <c>HarborRegistry</c>.</summary>
    public virtual string Kind => GetType().Name;

    public override string ToString() => $"{Kind} '{Name}'";
}

/// <summary>A file and line in stack source code. File is "" when unknown.</summary>
public readonly record struct SourceLocation(string File, int Line)
{
    public bool IsKnown => !string.IsNullOrEmpty(File) && Line > 0;

    /// <summary>The path relative to the repository root (see <see cref="SourcePaths"/>; PathMap's <c>/_/</c> or the nearest <c>.git</c>).</summary>
    public string RelativePath => SourcePaths.RepositoryRelative(File);
}
