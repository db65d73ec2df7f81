using System.Diagnostics.CodeAnalysis;

namespace ClusterRegistry.Cli;

/// <summary>Entry point shared by the stacks program and the standalone <c>clusterregistry</c> tool.</summary>
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

    [RequiresUnreferencedCode("Finds the verbs by reflection over this assembly's types.")]
    public static Task<int> RunAsync(string[] args, StackCatalog catalog, TextWriter? stdout = null, TextWriter? stderr = null) =>
        RunAsync(args, catalog, Verbs, stdout, stderr);

    /// <summary>Runs one of <paramref name="verbs"/> (help lists only those).</summary>
    public static async Task<int> RunAsync(string[] args, StackCatalog catalog, IReadOnlyList<IVerb> verbs, TextWriter? stdout = null, TextWriter? stderr = null)
    {
        var output = stdout ?? Console.Out;
        var error = stderr ?? Console.Error;
        if (args.Length == 0 || args[0] is "-h" or "--help" or "help")
        {
            PrintHelp(output, catalog, verbs);
            return args.Length == 0 ? ExitCodes.BadInput : ExitCodes.Ok;
        }

        var verb = verbs.FirstOrDefault(v => v.Name == args[0]);
        if (verb is null)
        {
            error.WriteLine($"error: unknown verb '{args[0]}'");
            PrintHelp(error, catalog, verbs);
            return ExitCodes.BadInput;
        }

        using var cts = new CancellationTokenSource();
        ConsoleCancelEventHandler onCancel = (_, e) =>
        {
            e.Cancel = true;
            cts.Cancel();
        };
        Console.CancelKeyPress += onCancel;
        try
        {
            return await verb.RunAsync(new VerbContext
            {
                Args = args.Skip(1).ToArray(),
                Catalog = catalog,
                Out = output,
                Error = error,
                Cancellation = cts.Token,
            });
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

    private static void PrintHelp(TextWriter w, StackCatalog catalog, IReadOnlyList<IVerb> verbs)
    {
        w.WriteLine("usage: <verb> [options]   (stacks: " + (catalog.Names.Count == 0 ? "none in this program" : string.Join(", ", catalog.Names)) + ")");
        foreach (var v in verbs)
        {
            w.WriteLine($"  {v.Name,-10} {v.Summary}");
        }
    }

    private static class Discovered
    {
        internal static IReadOnlyList<IVerb> All { get; } = typeof(CliApp).Assembly.GetTypes()
            .Where(t => typeof(IVerb).IsAssignableFrom(t) && t is { IsAbstract: false, IsInterface: false } && t.GetConstructor(Type.EmptyTypes) is not null)
            .Select(t => (IVerb)Activator.CreateInstance(t)!)
            .OrderBy(v => v.Name, StringComparer.Ordinal)
            .ToArray();
    }
}
