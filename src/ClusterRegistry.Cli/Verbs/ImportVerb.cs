using System.CommandLine;
using ClusterRegistry.Cli.Parsing;
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

    public Command CreateCommand(VerbContext context)
    {
        var repo = CliOptions.ExistingDirectory("--repo", "the Flux/Talos GitOps repository to read (as check --repo does)", required: true);
        var output = CliOptions.Text("--out", "FILE.cs", "the C# file to write (written to a temp file, then moved)", required: true)
            .Check(v => v.EndsWith(".cs", StringComparison.Ordinal) ? null : $"--out '{v}' must name a .cs file");
        var className = CliOptions.Text("--class", "NAME", "the Stack subclass to generate (default: from the repository)")
            .Check(v => IsIdentifier(v, dotted: false) ? null : $"--class '{v}' is not a C# identifier");
        var stackName = CliOptions.Text("--stack", "NAME", "the stack name the generated class registers (default: from the repository)");
        var ns = CliOptions.Text("--namespace", "NS", "the namespace of the generated class (default: Stacks)")
            .Check(v => IsIdentifier(v, dotted: true) ? null : $"--namespace '{v}' is not a C# identifier");
        var env = CliOptions.Flag("--env", "talhelper's ${VAR} may also come from the process environment, not only talenv.yaml");
        var command = new VerbCommand(Name, Summary,
            ok: "written; each thing not imported is one line on stderr",
            badInput: "bad arguments")
        {
            repo, output, className, stackName, ns, env,
        };
        command.SetAction(result => Run(context, result.GetValue(repo)!, result.GetValue(output)!, result.GetValue(env), new ImportOptions
        {
            ClassName = result.GetValue(className),
            StackName = result.GetValue(stackName),
            Namespace = result.GetValue(ns) ?? "Stacks",
        }));
        return command;
    }

    private static bool IsIdentifier(string value, bool dotted) =>
        System.Text.RegularExpressions.Regex.IsMatch(value, @"^[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)*$") && (dotted || !value.Contains('.', StringComparison.Ordinal));

    private static int Run(VerbContext context, string repo, string output, bool useEnvironment, ImportOptions options)
    {
        var scan = RepositoryScanner.Scan(repo, new RepositoryOptions { UseProcessEnvironment = useEnvironment });
        var result = StackImporter.Import(scan, options);

        OutFileOption.Write("out", output, result.Code);
        foreach (var line in result.NotImported)
        {
            context.Error.WriteLine("import: not imported: " + line);
        }

        context.Error.WriteLine($"import: wrote {result.ClassName} to {output} ({result.NotImported.Count} thing(s) not imported)");
        return ExitCodes.Ok;
    }
}
