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

    public Task<int> RunAsync(VerbContext context)
    {
        var cl = new CommandLine(context.Args, "env");
        cl.AllowOnly("stack", "repo", "env", "format", "out", "config-root");
        var format = cl.Get("format") ?? "text";
        if (format is not ("text" or "json" or "sarif"))
        {
            throw new UsageException($"--format '{format}' is not one of text, json, sarif");
        }

        if (cl.Get("out") is { } outArgument)
        {
            OutFileOption.Check("out", outArgument);
        }

        CheckResult result;
        if (cl.Get("repo") is { } repo)
        {
            result = CheckRepository(cl, repo);
        }
        else
        {
            var stack = context.BuildStack(cl);
            var configRoot = cl.Get("config-root") ?? Directory.GetCurrentDirectory();
            if (!Directory.Exists(configRoot))
            {
                throw new UsageException($"--config-root '{configRoot}' is not a directory");
            }

            result = CheckResult.Run(stack, SeverityConfiguration.Load(configRoot));
        }

        var text = format switch
        {
            "json" => JsonReport.Render(result),
            "sarif" => SarifReport.Render(result),
            _ => TextReport.Render(result),
        };

        if (cl.Get("out") is { } path)
        {
            OutFileOption.Write("out", path, text);
            context.Error.WriteLine($"check: wrote {result.Findings.Count} finding(s) to {path}");
        }
        else
        {
            context.Out.Write(text);
        }

        return Task.FromResult(result.Errors > 0 ? ExitCodes.Findings : result.HasInputErrors ? ExitCodes.BadInput : ExitCodes.Ok);
    }

    private static CheckResult CheckRepository(CommandLine cl, string repo)
    {
        if (cl.Has("stack"))
        {
            throw new UsageException("--repo and --stack cannot be used together");
        }

        if (!Directory.Exists(repo))
        {
            throw new UsageException($"--repo '{repo}' is not a directory");
        }

        var scan = RepositoryScanner.Scan(repo, new RepositoryOptions { UseProcessEnvironment = cl.Flag("env") });
        var notices = scan.Notices.Select(n => new CheckNotice(n.KindText, n.File, n.Line, n.Message));
        var configRoot = cl.Get("config-root") ?? repo;
        return CheckResult.FromRepository(Path.GetFileName(scan.Root), scan.Check(), notices, SeverityConfiguration.Load(configRoot));
    }
}
