using System.CommandLine;
using ClusterRegistry.Cli.Gate;
using ClusterRegistry.Cli.Parsing;
using ClusterRegistry.Cli.Staleness;
using ClusterRegistry.Pulumi.Cli;

namespace ClusterRegistry.Cli.Verbs;

/// <summary>
/// Shared shell of the <c>preview</c> and <c>up</c> verbs: validate the stack, apply the compiler's gate (stale program,
/// error findings) so a refusal comes before pulumi starts, then run or describe pulumi.
/// </summary>
internal static class PulumiWrapper
{
    /// <summary>The verb's command: <c>--stack</c> and <paramref name="flag"/>, which adds <paramref name="flagArguments"/> to pulumi's.</summary>
    public static Command Create(VerbContext context, IVerb verb, string command, Option<bool> flag, string[] flagArguments)
    {
        var stackOption = CliOptions.Stack(context.Catalog, $"the stack to {command} (default: $PULUMI_STACK)");
        var result = new VerbCommand(verb.Name, verb.Summary,
            ok: $"pulumi {command} succeeded",
            findings: $"pulumi {command} failed, or an error-severity finding on the stack's real values (pulumi is not started)",
            badInput: "bad input, an unknown stack, a stale program, or no pulumi CLI on PATH (nothing was run)")
        {
            stackOption, flag,
        };
        result.SetAction(r => Run(context, command, context.BuildStack(r.GetValue(stackOption)), r.GetValue(flag) ? ["--diff", .. flagArguments] : ["--diff"]));
        return result;
    }

    private static int Run(VerbContext context, string command, Stack stack, IEnumerable<string> extraArgs)
    {
        var pulumi = PulumiCli.Locate(Environment.CurrentDirectory);
        var args = PulumiCli.Arguments(command, stack.Name, extraArgs);

        // The compiler's own gate, before pulumi starts: a stale program, or an error finding on the stack's real
        // values at the severities configured in the Pulumi project folder (where pulumi runs the compiler).
        if (StalenessCheck.ForRunningProgram(pulumi.ProjectDirectory) is { IsCurrent: false } stale)
        {
            context.Error.WriteLine(stale.Message);
            return ExitCodes.BadInput;
        }

        if (DeploymentGate.Run(stack, pulumi.ProjectDirectory, context.Error, command).Errors > 0)
        {
            return ExitCodes.Findings;
        }

        if (!pulumi.Available)
        {
            context.Error.WriteLine("error: the pulumi CLI is not on PATH (install the Pulumi CLI); nothing was run.");
            context.Error.WriteLine("would run: " + pulumi.Describe(args));
            return ExitCodes.BadInput;
        }

        if (pulumi.MissingCompiler() is { } missing)
        {
            // Pulumi would fail with "error running compiler"; say how to fix it, and let pulumi report the rest.
            context.Error.WriteLine($"warning: {missing} (the compiler named in Pulumi.yaml) does not exist; build it first:");
            context.Error.WriteLine("  " + CompilerBuildStep());
        }

        context.Error.WriteLine("running: " + pulumi.Describe(args));
        return pulumi.Run(args) == 0 ? ExitCodes.Ok : ExitCodes.Findings;
    }

    /// <summary>
    /// The command that builds this program as the Pulumi compiler, as its project declares it
    /// (<c>&lt;AssemblyMetadata Include="ClusterRegistry.CompilerBuild" Value="…" /&gt;</c>; the dotnet new template sets
    /// <c>dotnet build -t:PulumiCompiler</c>), else a description of the step.
    /// </summary>
    internal static string CompilerBuildStep() =>
        System.Reflection.Assembly.GetEntryAssembly()?.GetCustomAttributes(typeof(System.Reflection.AssemblyMetadataAttribute), false)
            .Cast<System.Reflection.AssemblyMetadataAttribute>()
            .FirstOrDefault(a => a.Key == "ClusterRegistry.CompilerBuild" && !string.IsNullOrWhiteSpace(a.Value))?.Value
        ?? "publish this stacks program to that path (dotnet publish -c Release -o <the folder Pulumi.yaml's compiler names>)";
}
