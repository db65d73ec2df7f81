using ClusterRegistry.Repository;
using ClusterRegistry.Repository.Import;

namespace ClusterRegistry.Cli.Verbs;

/// <summary>
/// <c>import --repo DIR --out FILE.cs [--class NAME] [--stack NAME] [--namespace NS] [--env]</c>: reads the repository as
/// <c>check --repo</c> does and writes one C# Stack subclass (written atomically, through <see cref="OutFileOption"/>). Each thing it could not
/// import is one line on stderr. Exit 0, or 2 on bad arguments.
/// </summary>
public sealed class ImportVerb : IVerb
{
    public string Name => "import";

    public string Summary => "turn a Flux/Talos repository into a C# stack: --repo DIR --out FILE.cs [--class NAME] [--stack NAME] [--namespace NS]";

    public Task<int> RunAsync(VerbContext context)
    {
        var cl = new CommandLine(context.Args, "env");
        cl.AllowOnly("repo", "out", "class", "stack", "namespace", "env");
        var repo = cl.Require("repo");
        var output = cl.Require("out");
        if (!Directory.Exists(repo))
        {
            throw new UsageException($"--repo '{repo}' is not a directory");
        }

        if (!output.EndsWith(".cs", StringComparison.Ordinal))
        {
            throw new UsageException($"--out '{output}' must name a .cs file");
        }

        foreach (var (option, value) in new[] { ("class", cl.Get("class")), ("namespace", cl.Get("namespace")) })
        {
            if (value is not null && !System.Text.RegularExpressions.Regex.IsMatch(value, @"^[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)*$") || (option == "class" && value?.Contains('.', StringComparison.Ordinal) == true))
            {
                throw new UsageException($"--{option} '{value}' is not a C# identifier");
            }
        }

        var scan = RepositoryScanner.Scan(repo, new RepositoryOptions { UseProcessEnvironment = cl.Flag("env") });
        var result = StackImporter.Import(scan, new ImportOptions
        {
            ClassName = cl.Get("class"),
            StackName = cl.Get("stack"),
            Namespace = cl.Get("namespace") ?? "Stacks",
        });

        OutFileOption.Write("out", output, result.Code);
        foreach (var line in result.NotImported)
        {
            context.Error.WriteLine("import: not imported: " + line);
        }

        context.Error.WriteLine($"import: wrote {result.ClassName} to {output} ({result.NotImported.Count} thing(s) not imported)");
        return Task.FromResult(ExitCodes.Ok);
    }
}
