using System.Globalization;
using ClusterRegistry.Probe;
using ClusterRegistry.Probe.Budget;
using ClusterRegistry.Probe.Failures;
using ClusterRegistry.Probe.History;
using ClusterRegistry.Probe.Oci;
using ClusterRegistry.Probe.Optional;
using ClusterRegistry.Probe.Running;

namespace ClusterRegistry.Cli.Verbs;

/// <summary>
/// <c>probe</c>: measure a cold image pull against a budget (exit 0 within, 1 over, 2 failed), record it in the history;
/// <c>probe history</c> lists runs; <c>probe report --out FILE.png|svg|html</c> plots them.
/// </summary>
public sealed class ProbeVerb : IVerb
{
    public string Name => "probe";

    public string Summary => "measure image pull latency (registry | cri | kubernetes) against a budget; 'probe history', 'probe report'";

    private static readonly string[] PullOptions =
    [
        "image", "via", "budget", "timeout", "json", "socket", "username", "username-env", "password-env", "password-stdin", "plain-http", "insecure",
        "endpoint", "platform", "parallel", "node", "history", "no-history", "stack", "probe", "kubeconfig", "namespace", "nodes", "warm",
    ];

    public async Task<int> RunAsync(VerbContext context)
    {
        var cl = new CommandLine(context.Args, "json", "plain-http", "insecure", "no-history", "password-stdin", "warm", "help");
        if (cl.Flag("help"))
        {
            Help(context.Out);
            return ExitCodes.Ok;
        }

        if (cl.Positionals.Count > 0 && cl.Positionals[0] == "history")
        {
            return History(context, cl);
        }

        if (cl.Positionals.Count > 0 && cl.Positionals[0] == "report")
        {
            return Report(context, cl);
        }

        cl.AllowOnly(PullOptions);
        var requests = BuildRequests(context, cl);
        if (!ProbeFeatures.KubernetesIsSupported && requests.Any(r => r.Via == ProbeVia.Kubernetes))
        {
            throw new UsageException("--via kubernetes " + ProbeFeatures.NativeHint);
        }

        if (requests.Any(r => r.Via == ProbeVia.Kubernetes) && OptionalPackages.Kubernetes is null)
        {
            // Said before anything runs, not as a failed pull: the stack project lacks ClusterRegistry.Probe.Kubernetes.
            throw new UsageException(new OptionalPackageMissingException("probe --via kubernetes", OptionalPackages.KubernetesPackageId).Message);
        }

        var results = new List<ProbeResult>();
        foreach (var request in requests)
        {
            using var progress = cl.Flag("json") ? null : ConsoleProgress.ForTerminal();
            results.AddRange(await ProbeRunner.RunAsync(request, progress, context.Cancellation));
        }

        if (!cl.Flag("no-history"))
        {
            try
            {
                var history = new ProbeHistory(cl.Get("history") ?? ProbeHistory.DefaultPath());
                foreach (var r in results)
                {
                    history.Append(r);
                }
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or Microsoft.Data.Sqlite.SqliteException)
            {
                context.Error.WriteLine($"warning: could not record the run in the history: {e.Message}");
            }
        }

        if (cl.Flag("json"))
        {
            context.Out.WriteLine(results.Count == 1 ? ProbeJson.Serialize(results[0]) : ProbeJson.Serialize(results));
        }
        else
        {
            foreach (var r in results)
            {
                context.Out.WriteLine(Describe(r));
            }
        }

        return BudgetGate.ExitCode(results);
    }

    private static IReadOnlyList<ProbeRequest> BuildRequests(VerbContext context, CommandLine cl)
    {
        var image = cl.Get("image") ?? (cl.Positionals.Count > 0 ? cl.Positionals[0] : null);
        var viaText = cl.Get("via");
        ProbeVia? via = null;
        if (viaText is not null)
        {
            via = ProbeViaText.TryParse(viaText, out var v) ? v : throw new UsageException($"--via must be registry, cri or kubernetes (got '{viaText}')");
        }

        TimeSpan? budget = cl.Get("budget") is { } b ? Duration("budget", b) : null;
        TimeSpan? timeout = cl.Get("timeout") is { } t ? Duration("timeout", t) : null;
        var password = cl.Get("password-env") is { } envName
            ? Environment.GetEnvironmentVariable(envName) ?? throw new UsageException($"--password-env {envName}: the variable is not set")
            : cl.Flag("password-stdin") ? Console.In.ReadLine() : null;
        var username = cl.Get("username-env") is { } userEnv
            ? Environment.GetEnvironmentVariable(userEnv) ?? throw new UsageException($"--username-env {userEnv}: the variable is not set")
            : cl.Get("username");
        if ((username is null) != (password is null))
        {
            throw new UsageException("--username/--username-env and --password-env/--password-stdin go together");
        }

        ProbeRequest Adjust(ProbeRequest r)
        {
            var registry = r.Registry;
            if (username is not null)
            {
                registry.Credentials = new RegistryCredentials(username, password!);
            }

            registry.PlainHttp |= cl.Flag("plain-http");
            registry.InsecureSkipVerify = cl.Flag("insecure");
            if (cl.Get("endpoint") is { } endpoint)
            {
                registry.Endpoint = Uri.TryCreate(endpoint, UriKind.Absolute, out var u) && u.Scheme is "http" or "https"
                    ? u
                    : throw new UsageException($"--endpoint must be an http(s) URL (got '{endpoint}')");
            }

            if (cl.Get("platform") is { } platform)
            {
                try
                {
                    registry.Platform = Platform.Parse(platform);
                }
                catch (FormatException e)
                {
                    throw new UsageException(e.Message);
                }
            }

            if (cl.Get("parallel") is { } parallel)
            {
                registry.Parallelism = int.TryParse(parallel, CultureInfo.InvariantCulture, out var n) && n > 0 ? n : throw new UsageException("--parallel must be a positive integer");
            }

            var nodes = cl.Get("nodes") is { } ns ? ns.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) : r.Nodes;
            return new ProbeRequest
            {
                Image = image ?? r.Image,
                Via = via ?? r.Via,
                Budget = budget ?? r.Budget,
                Timeout = timeout ?? r.Timeout,
                ProbeName = r.ProbeName,
                Node = cl.Get("node") ?? r.Node,
                Registry = registry,
                Socket = cl.Get("socket") ?? r.Socket,
                Cold = !cl.Flag("warm"),
                Nodes = nodes.ToArray(),
                Namespace = cl.Get("namespace") ?? r.Namespace,
                Kubeconfig = cl.Get("kubeconfig") ?? r.Kubeconfig,
            };
        }

        if (cl.Has("stack") || (image is null && !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("PULUMI_STACK")) && context.Catalog.Names.Count > 0))
        {
            var stack = context.BuildStack(cl);
            var requests = StackProbes.For(stack, cl.Get("probe"), Adjust);
            if (requests.Count == 0)
            {
                throw new UsageException($"stack '{stack.Name}' declares no PullLatencyProbe");
            }

            return requests;
        }

        if (image is null)
        {
            throw new UsageException("give an IMAGE to pull (or --stack NAME [--probe NAME] to run a stack's PullLatencyProbe resources)");
        }

        if (!ImageReference.TryParse(image, out _, out var error))
        {
            throw new UsageException(error);
        }

        // Without a stack, --probe NAME only labels the result (as the Pulumi probe step does for the native binary).
        return [Adjust(new ProbeRequest { Image = image, Via = ProbeVia.Registry, ProbeName = cl.Get("probe") })];
    }

    /// <summary>The longest a .NET timer can wait (int.MaxValue ms, about 24.8 days).</summary>
    private static readonly TimeSpan LongestTimer = TimeSpan.FromMilliseconds(int.MaxValue - 1);

    private static TimeSpan Duration(string option, string text)
    {
        if (!DurationText.TryParse(text, out var d) || d <= TimeSpan.Zero)
        {
            throw new UsageException($"--{option} '{text}' is not a positive duration (e.g. 500ms, 1s, 2m)");
        }

        return d <= LongestTimer
            ? d
            : throw new UsageException($"--{option} '{text}' is longer than a timer can wait; give at most 24d (e.g. 2m, 1h)");
    }

    private static string Describe(ProbeResult r)
    {
        var where = $"{r.Image} via {r.Via.ToText()} on {r.Node}";
        if (r.Failure is { } f)
        {
            return $"FAILED {where} after {DurationText.Format(TimeSpan.FromMilliseconds(r.DurationMs))}: {FailureClassifier.Describe(f)}";
        }

        var verdict = r.WithinBudget ? "ok" : "OVER BUDGET";
        var detail = string.Create(CultureInfo.InvariantCulture, $"{r.Bytes / 1e6:0.0} MB, {r.ThroughputMBps:0.0} MB/s");
        if (r.AuthMs is { } auth)
        {
            detail += string.Create(CultureInfo.InvariantCulture, $", auth {auth:0.0}ms, first byte {r.TtfbMs:0.0}ms, {r.Layers.Count} blobs");
        }

        return $"{verdict} {where}: {DurationText.Format(TimeSpan.FromMilliseconds(r.DurationMs))} (budget {DurationText.Format(TimeSpan.FromMilliseconds(r.BudgetMs))}; {detail})";
    }

    private static int History(VerbContext context, CommandLine cl)
    {
        cl.AllowOnly("history", "image", "node", "via", "limit", "json");
        var (history, entries) = ReadHistory(cl);
        if (cl.Flag("json"))
        {
            context.Out.WriteLine("[" + string.Join(",\n", entries.Select(e => e.Json)) + "]");
            return ExitCodes.Ok;
        }

        context.Out.WriteLine($"{"time (UTC)",-20} {"via",-10} {"node",-16} {"ms",10} {"budget",8} {"MB",8}  result  image");
        foreach (var e in entries)
        {
            var result = e.Failed ? e.FailureClass : e.WithinBudget ? "ok" : "over";
            context.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{e.StartedAt.UtcDateTime:yyyy-MM-dd HH:mm:ss}  {e.Via,-10} {e.Node,-16} {e.DurationMs,10:0.0} {e.BudgetMs,8:0} {e.Bytes / 1e6,8:0.0}  {result,-6}  {e.Image}"));
        }

        context.Out.WriteLine($"{entries.Count} run(s) in {history.Path}");
        return ExitCodes.Ok;
    }

    private static int Report(VerbContext context, CommandLine cl)
    {
        cl.AllowOnly("history", "image", "node", "via", "limit", "out");
        if (!ProbeFeatures.PlottingIsSupported)
        {
            context.Error.WriteLine("error: probe report " + ProbeFeatures.NativeHint);
            return ExitCodes.BadInput;
        }

        var output = cl.Require("out");
        OutFileOption.Check("out", output);
        ILatencyReportWriter writer;
        try
        {
            writer = OptionalPackages.RequireReports();
        }
        catch (OptionalPackageMissingException e)
        {
            throw new UsageException(e.Message);
        }

        var (_, entries) = ReadHistory(cl);
        byte[] report;
        try
        {
            report = writer.Render(entries, output);
        }
        catch (ArgumentException e)
        {
            throw new UsageException(e.Message);
        }

        OutFileOption.Write("out", output, report);

        context.Out.WriteLine($"wrote {output} ({entries.Count} runs)");
        return ExitCodes.Ok;
    }

    /// <summary>Opens <c>--history</c> and queries it; a path that is a folder or not a history database is a usage error naming it.</summary>
    private static (ProbeHistory History, IReadOnlyList<HistoryEntry> Entries) ReadHistory(CommandLine cl)
    {
        var given = cl.Get("history");
        var path = given ?? ProbeHistory.DefaultPath();
        var shown = $"--history '{path}'";
        if (string.IsNullOrWhiteSpace(path))
        {
            throw new UsageException($"{shown} is empty; name the history database (default {ProbeHistory.DefaultPath()})");
        }

        if (Directory.Exists(path))
        {
            throw new UsageException($"{shown} is a folder; name the history database file inside it (e.g. {Path.Combine(path, "history.db")})");
        }

        var limit = Limit(cl);
        try
        {
            var history = new ProbeHistory(path);
            return (history, history.Query(cl.Get("image"), cl.Get("node"), cl.Get("via"), limit));
        }
        catch (Microsoft.Data.Sqlite.SqliteException e) when (e.SqliteErrorCode is 26 or 11) // SQLITE_NOTADB, SQLITE_CORRUPT
        {
            throw new UsageException($"{shown} is not a probe history database (SQLite: {e.SqliteErrorCode}, file is not a database); it was not changed");
        }
        catch (Exception e) when (e is Microsoft.Data.Sqlite.SqliteException or IOException or UnauthorizedAccessException)
        {
            throw new UsageException($"{shown} cannot be opened: {e.Message}");
        }
    }

    private static int Limit(CommandLine cl) =>
        cl.Get("limit") is { } l ? int.TryParse(l, CultureInfo.InvariantCulture, out var n) && n > 0 ? n : throw new UsageException("--limit must be a positive integer") : 1000;

    private static void Help(TextWriter w)
    {
        w.WriteLine("""
            usage: probe [IMAGE] [--via registry|cri|kubernetes] [--budget 1s] [--timeout 2m] [--json]
                   probe --stack NAME [--probe NAME] [--json]        run a stack's PullLatencyProbe resources
                   probe history [--image I] [--node N] [--via V] [--limit N] [--json]
                   probe report --out FILE.png|svg|html [--image I] [--node N] [--limit N]
              registry:   --username U | --username-env VAR, --password-env VAR | --password-stdin, --plain-http, --insecure, --endpoint URL,
                          --platform os/arch, --parallel N
              cri:        --socket /run/containerd/containerd.sock, --warm (do not remove the image first)
              kubernetes: --kubeconfig PATH, --namespace NS, --nodes a,b
              all:        --node LABEL, --probe NAME (without --stack: the name in the report), --history PATH (default $XDG_DATA_HOME/clusterregistry/history.db), --no-history
              exit: 0 within budget, 1 over budget, 2 failed or bad input
            """);
    }
}
