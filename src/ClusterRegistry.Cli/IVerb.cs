using System.CommandLine;

namespace ClusterRegistry.Cli;

/// <summary>One CLI verb (<c>synth</c>, <c>check</c>, …). Each lives in its own file under <c>Verbs/</c>.</summary>
public interface IVerb
{
    /// <summary>The verb as typed, e.g. <c>synth</c>.</summary>
    string Name { get; }

    /// <summary>One line for the help listing.</summary>
    string Summary { get; }

    /// <summary>
    /// The verb's System.CommandLine command: its typed options and sub-verbs (each checked while parsing), the meaning of
    /// its exit codes (<see cref="Parsing.VerbCommand"/>) and its action, which returns the exit code (<see cref="ExitCodes"/>).
    /// </summary>
    Command CreateCommand(VerbContext context);
}

/// <summary>What a verb gets: the stacks this program knows (none for the standalone tool) and the console.</summary>
public sealed class VerbContext
{
    /// <summary>The stacks of the running program; empty in the standalone <c>clusterregistry</c> tool.</summary>
    public required StackCatalog Catalog { get; init; }

    public TextWriter Out { get; init; } = Console.Out;

    public TextWriter Error { get; init; } = Console.Error;

    public CancellationToken Cancellation { get; init; }

    /// <summary>Builds the stack named by <c>--stack</c> (or <c>PULUMI_STACK</c>); a <see cref="UsageException"/> lists the known ones.</summary>
    public Stack BuildStack(string? stackOption)
    {
        var name = stackOption ?? Environment.GetEnvironmentVariable("PULUMI_STACK");
        if (string.IsNullOrEmpty(name))
        {
            throw new UsageException($"--stack NAME is required; known stacks: {string.Join(", ", Catalog.Names)}");
        }

        if (!Catalog.Contains(name))
        {
            throw new UsageException($"unknown stack '{name}'; known stacks: {string.Join(", ", Catalog.Names)}");
        }

        return Catalog.Build(name);
    }
}
