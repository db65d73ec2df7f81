using System.CommandLine;
using System.CommandLine.Help;
using System.CommandLine.Invocation;
using System.Diagnostics.CodeAnalysis;
using ClusterRegistry.Cli.Parsing;

namespace ClusterRegistry.Cli;

/// <summary>
/// Entry point shared by the stacks program and the standalone <c>clusterregistry</c> tool: the verbs as a
/// System.CommandLine root command. Every verb and sub-verb answers <c>--help</c> (options and exit codes); a bad value,
/// a misspelled option (with a suggestion) or an unknown verb is one <c>error:</c> line and exit 2; the <c>[suggest]</c>
/// directive and <c>completion bash</c> give shell completion.
/// </summary>
public static class CliApp
{
    /// <summary>
    /// Every verb: each non-abstract <see cref="IVerb"/> class in this assembly (one file each under <c>Verbs/</c>),
    /// ordered by name. Adding a verb is adding its file.
    /// </summary>
    /// <remarks>
    /// Found by reflection, so a Native AOT build cannot use it (the trimmer cannot see which types it creates); the native
    /// tool passes its own list to <see cref="RunAsync(string[], StackCatalog, IReadOnlyList{IVerb}, TextWriter?, TextWriter?)"/>.
    /// The list lives in <see cref="Discovered"/> so that merely calling that overload does not run the reflection.
    /// </remarks>
    public static IReadOnlyList<IVerb> Verbs
    {
        [RequiresUnreferencedCode("Finds the verbs by reflection over this assembly's types.")]
        get => Discovered.All;
    }

    /// <summary>The exit-code contract every verb keeps (the root's <c>--help</c> lists it).</summary>
    internal static readonly IReadOnlyList<(int Code, string Meaning)> ExitCodeContract =
    [
        (ExitCodes.Ok, "success: clean, healthy, within budget"),
        (ExitCodes.Findings, "the verb ran and found problems (error findings, an unhealthy node, a pull over budget)"),
        (ExitCodes.BadInput, "bad input or could not run: one 'error:' line names the argument and the value"),
    ];

    [RequiresUnreferencedCode("Finds the verbs by reflection over this assembly's types.")]
    public static Task<int> RunAsync(string[] args, StackCatalog catalog, TextWriter? stdout = null, TextWriter? stderr = null) =>
        RunAsync(args, catalog, Verbs, stdout, stderr);

    /// <summary>Runs one of <paramref name="verbs"/> (help lists only those).</summary>
    public static async Task<int> RunAsync(string[] args, StackCatalog catalog, IReadOnlyList<IVerb> verbs, TextWriter? stdout = null, TextWriter? stderr = null)
    {
        var output = stdout ?? Console.Out;
        var error = stderr ?? Console.Error;
        using var cts = new CancellationTokenSource();
        var context = new VerbContext { Catalog = catalog, Out = output, Error = error, Cancellation = cts.Token };
        var root = CreateRootCommand(context, verbs);
        var invocation = new InvocationConfiguration { Output = output, Error = error, EnableDefaultExceptionHandler = false, ProcessTerminationTimeout = null };
        if (args.Length == 0)
        {
            // No verb: the help, but as bad input (a script that forgot its verb must not pass).
            root.Parse(["--help"], Parser).Invoke(invocation);
            return ExitCodes.BadInput;
        }

        // "help" and "help VERB [SUB]" are --help.
        var result = root.Parse(args[0] == "help" ? [.. args.Skip(1), "--help"] : args, Parser);
        if (result.Action is ParseErrorAction)
        {
            error.WriteLine("error: " + ParseErrorLine.For(result));
            return ExitCodes.BadInput;
        }

        ConsoleCancelEventHandler onCancel = (_, e) =>
        {
            e.Cancel = true;
            cts.Cancel();
        };
        Console.CancelKeyPress += onCancel;
        try
        {
            return await result.InvokeAsync(invocation, cts.Token);
        }
        catch (UsageException e)
        {
            error.WriteLine($"error: {e.Message}");
            return ExitCodes.BadInput;
        }
        catch (StackDefinitionException e)
        {
            error.WriteLine($"error: {e.Message}");
            return ExitCodes.BadInput;
        }
        catch (OperationCanceledException)
        {
            error.WriteLine("cancelled");
            return ExitCodes.BadInput;
        }
        finally
        {
            Console.CancelKeyPress -= onCancel;
        }
    }

    /// <summary>
    /// The root command of <paramref name="verbs"/>: the verbs as sub-commands, <c>--help</c> with exit codes on every
    /// one of them, the <c>[suggest]</c> completion directive.
    /// </summary>
    public static RootCommand CreateRootCommand(VerbContext context, IReadOnlyList<IVerb> verbs)
    {
        var stacks = context.Catalog.Names.Count == 0 ? "none in this program" : string.Join(", ", context.Catalog.Names);
        var root = new RootCommand(
            "ClusterRegistry: check, render, compile and probe a private Harbor registry next to the Spegel mirror on Talos. " +
            $"Stacks: {stacks}. 'VERB --help' shows a verb's options and exit codes.");
        foreach (var verb in verbs)
        {
            root.Subcommands.Add(verb.CreateCommand(context));
        }

        var help = root.Options.OfType<HelpOption>().Single();
        help.Action = new HelpWithExitCodesAction((SynchronousCommandLineAction)help.Action!, ExitCodeContract);
        return root;
    }

    /// <summary>Response files are off: an argument starting with @ is a value (an image, a path), never a file to expand.</summary>
    internal static ParserConfiguration Parser { get; } = new() { ResponseFileTokenReplacer = null };

    private static class Discovered
    {
        internal static IReadOnlyList<IVerb> All { get; } = typeof(CliApp).Assembly.GetTypes()
            .Where(t => typeof(IVerb).IsAssignableFrom(t) && t is { IsAbstract: false, IsInterface: false } && t.GetConstructor(Type.EmptyTypes) is not null)
            .Select(t => (IVerb)Activator.CreateInstance(t)!)
            .OrderBy(v => v.Name, StringComparer.Ordinal)
            .ToArray();
    }
}
