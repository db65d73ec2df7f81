using ClusterRegistry.Cli.Reporting;

namespace ClusterRegistry.Cli.Verbs;

/// <summary>
/// <c>check --stack NAME [--format text|json|sarif] [--out FILE]</c>: runs every rule (CRG001–CRG403) on the stack's real
/// values. Exit 0 when no finding is an error, 1 when one is, 2 on bad input. Severities follow the repository's
/// .editorconfig/.globalconfig (<c>dotnet_diagnostic.CRGxxx.severity</c>) exactly as the analyzers do in the IDE;
/// <c>--config-root DIR</c> names the repository root those files are looked up from (default: the current directory).
/// </summary>
public sealed class CheckVerb : IVerb
{
    public string Name => "check";

    public string Summary => "run the rules (CRG001-CRG403) on a stack's real values; --format text|json|sarif";

    public Task<int> RunAsync(VerbContext context)
    {
        var cl = new CommandLine(context.Args);
        cl.AllowOnly("stack", "format", "out", "config-root");
        var format = cl.Get("format") ?? "text";
        if (format is not ("text" or "json" or "sarif"))
        {
            throw new UsageException($"--format '{format}' is not one of text, json, sarif");
        }

        if (cl.Get("out") is { } outArgument)
        {
            OutFileOption.Check("out", outArgument);
        }

        var stack = context.BuildStack(cl);
        var configRoot = cl.Get("config-root") ?? Directory.GetCurrentDirectory();
        if (!Directory.Exists(configRoot))
        {
            throw new UsageException($"--config-root '{configRoot}' is not a directory");
        }

        var result = CheckResult.Run(stack, SeverityConfiguration.Load(configRoot));
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

        return Task.FromResult(result.Errors > 0 ? ExitCodes.Findings : ExitCodes.Ok);
    }
}
