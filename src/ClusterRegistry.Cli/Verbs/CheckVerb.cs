using System.CommandLine;
using ClusterRegistry.Cli.Parsing;
using ClusterRegistry.Cli.Reporting;
using ClusterRegistry.Repository;

namespace ClusterRegistry.Cli.Verbs;

/// <summary>
/// <c>check --stack NAME [--format text|json|sarif] [--out FILE]</c>: runs every rule (CRG001–CRG403) on the stack's real
/// values. Exit 0 when no finding is an error, 1 when one is, 2 on bad input. Severities follow the repository's
/// .editorconfig/.globalconfig (<c>dotnet_diagnostic.CRGxxx.severity</c>) exactly as the analyzers do in the IDE;
/// <c>--config-root DIR</c> names the repository root those files are looked up from (default: the current directory).
/// <para>
/// <c>check --repo DIR [--env]</c> runs the same rules on an existing Flux/Talos GitOps repository (talhelper, Talos
/// patches, HelmReleases); findings name the file relative to DIR with line and column, and each file the reader refused,
/// skipped or could not parse is one notice line. Severities come from DIR's .editorconfig/.globalconfig. Exit 1 on an
/// error finding, else 2 when a file is not valid YAML/HCL, else 0. <c>--env</c> lets talhelper's <c>${VAR}</c> come from
/// the process environment as well as talenv.yaml (off by default: a repository from a fork must not get CI secrets
/// printed in a report).
/// </para>
/// </summary>
public sealed class CheckVerb : IVerb
{
    public string Name => "check";

    public string Summary => "run the rules (CRG001-CRG403) on a stack's real values, or on a Flux/Talos repository with --repo DIR; --format text|json|sarif";

    public Command CreateCommand(VerbContext context)
    {
        var stackOption = CliOptions.Stack(context.Catalog, "the stack whose real values to check (default: $PULUMI_STACK)");
        var repo = CliOptions.ExistingDirectory("--repo", "check an existing Flux/Talos GitOps repository instead of a stack");
        var env = CliOptions.Flag("--env", "with --repo: talhelper's ${VAR} may also come from the process environment (off: a fork's repository must not get CI secrets printed)");
        var format = CliOptions.Choice("--format", "the report format", "text", "json", "sarif");
        var output = CliOptions.OutFile("write the report to FILE (atomically) instead of stdout");
        var configRoot = CliOptions.ExistingDirectory("--config-root", "where .editorconfig/.globalconfig severities are looked up from (default: the current directory, or --repo)");
        var command = new VerbCommand(Name, Summary,
            ok: "no finding is an error",
            findings: "at least one error-severity finding",
            badInput: "bad input; with --repo, no error finding but a file that is not valid YAML/HCL")
        {
            stackOption, repo, env, format, output, configRoot,
        };
        command.Validators.Add(r =>
        {
            if (r.GetResult(repo) is { Implicit: false } && r.GetResult(stackOption) is { Implicit: false })
            {
                r.AddError("--repo and --stack cannot be used together");
            }
        });
        command.SetAction(result =>
        {
            CheckResult checkResult;
            if (result.GetValue(repo) is { } repoDir)
            {
                var scan = RepositoryScanner.Scan(repoDir, new RepositoryOptions { UseProcessEnvironment = result.GetValue(env) });
                var notices = scan.Notices.Select(n => new CheckNotice(n.KindText, n.File, n.Line, n.Message));
                var root = result.GetValue(configRoot) ?? repoDir;
                checkResult = CheckResult.FromRepository(Path.GetFileName(scan.Root), scan.Check(), notices, SeverityConfiguration.Load(root));
            }
            else
            {
                var stack = context.BuildStack(result.GetValue(stackOption));
                checkResult = CheckResult.Run(stack, SeverityConfiguration.Load(result.GetValue(configRoot) ?? Directory.GetCurrentDirectory()));
            }

            return Report(context, checkResult, result.GetValue(format)!, result.GetValue(output));
        });
        return command;
    }

    private static int Report(VerbContext context, CheckResult result, string format, string? outFile)
    {
        var text = format switch
        {
            "json" => JsonReport.Render(result),
            "sarif" => SarifReport.Render(result),
            _ => TextReport.Render(result),
        };

        if (outFile is not null)
        {
            OutFileOption.Write("out", outFile, text);
            context.Error.WriteLine($"check: wrote {result.Findings.Count} finding(s) to {outFile}");
        }
        else
        {
            context.Out.Write(text);
        }

        return result.Errors > 0 ? ExitCodes.Findings : result.HasInputErrors ? ExitCodes.BadInput : ExitCodes.Ok;
    }
}
