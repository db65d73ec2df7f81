namespace ClusterRegistry.Cli;

/// <summary>Entry point shared by the stacks program and the standalone <c>clusterregistry</c> tool.</summary>
public static class CliApp
{
    /// <summary>
    /// Every verb: each non-abstract <see cref="IVerb"/> class in this assembly (one file each under <c>Verbs/</c>),
    /// ordered by name. Adding a verb is adding its file.
    /// </summary>
    public static IReadOnlyList<IVerb> Verbs { get; } = typeof(CliApp).Assembly.GetTypes()
        .Where(t => typeof(IVerb).IsAssignableFrom(t) && t is { IsAbstract: false, IsInterface: false } && t.GetConstructor(Type.EmptyTypes) is not null)
        .Select(t => (IVerb)Activator.CreateInstance(t)!)
        .OrderBy(v => v.Name, StringComparer.Ordinal)
        .ToArray();

    public static async Task<int> RunAsync(string[] args, StackCatalog catalog, TextWriter? stdout = null, TextWriter? stderr = null)
    {
        var output = stdout ?? Console.Out;
        var error = stderr ?? Console.Error;
        if (args.Length == 0 || args[0] is "-h" or "--help" or "help")
        {
            PrintHelp(output, catalog);
            return args.Length == 0 ? ExitCodes.BadInput : ExitCodes.Ok;
        }

        var verb = Verbs.FirstOrDefault(v => v.Name == args[0]);
        if (verb is null)
        {
            error.WriteLine($"error: unknown verb '{args[0]}'");
            PrintHelp(error, catalog);
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

    private static void PrintHelp(TextWriter w, StackCatalog catalog)
    {
        w.WriteLine("usage: <verb> [options]   (stacks: " + (catalog.Names.Count == 0 ? "none in this program" : string.Join(", ", catalog.Names)) + ")");
        foreach (var v in Verbs)
        {
            w.WriteLine($"  {v.Name,-10} {v.Summary}");
        }
    }
}
