using System.CommandLine;
using System.Globalization;
using ClusterRegistry.Cli.Parsing;
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

    public string Summary => "measure image pull latency (registry | cri | kubernetes) against a budget: probe IMAGE | probe --stack NAME [--probe NAME]; sub-verbs history, report";

    public Command CreateCommand(VerbContext context)
    {
        var o = new PullOptions(context.Catalog);
        var command = new VerbCommand(Name, Summary,
            ok: "every pull within its budget",
            findings: "a pull over its budget",
            badInput: "a pull failed, or bad input")
        {
            o.ImageArgument, o.Image, o.Via, o.Budget, o.Timeout, o.Json, o.Stack, o.Probe, o.Node, o.History, o.NoHistory,
            o.Username, o.UsernameEnv, o.PasswordEnv, o.PasswordStdin, o.PlainHttp, o.Insecure, o.Endpoint, o.Platform, o.Parallel,
            o.Socket, o.Warm, o.Kubeconfig, o.Namespace, o.Nodes,
            HistoryCommand(context),
            ReportCommand(context),
        };
        command.SetAction((result, cancellation) => PullAsync(context, new PullArguments(o, result), cancellation));
        return command;
    }

    /// <summary>The options of a pull (<c>probe [IMAGE]</c>, <c>probe --stack NAME</c>), grouped in help by mode.</summary>
    private sealed class PullOptions(StackCatalog catalog)
    {
        public Argument<string> ImageArgument { get; } = new("IMAGE")
        {
            Description = "the image to pull (same as --image)",
            Arity = ArgumentArity.ZeroOrOne,
            Hidden = true,
            // A token like --bogus is a misspelled option, not an image: hand it back so it is reported (with a suggestion).
            CustomParser = r => r.Tokens is [{ Value: ['-', ..] }] ? Unmatched(r) : r.Tokens is [var t] ? t.Value : null,
        };

        private static string? Unmatched(System.CommandLine.Parsing.ArgumentResult r)
        {
            r.OnlyTake(0);
            return null;
        }
        public Option<string> Image { get; } = CliOptions.Text("--image", "IMAGE", "the image to pull, e.g. harbor.example:443/library/app:v1");
        public Option<string> Via { get; } = ViaOption("how to pull (default: registry, or the stack's probe)");
        public Option<TimeSpan?> Budget { get; } = CliOptions.Duration("--budget", "the longest a pull may take (default: 1s, or the stack's probe)");
        public Option<TimeSpan?> Timeout { get; } = CliOptions.Duration("--timeout", "give up a pull after this long (default: 2m)");
        public Option<bool> Json { get; } = CliOptions.Flag("--json", "print the result(s) as JSON");
        public Option<string> Stack { get; } = CliOptions.Stack(catalog, "run the stack's PullLatencyProbe resources");
        public Option<string> Probe { get; } = CliOptions.Text("--probe", "NAME", "with --stack: only this probe; without: the name in the report");
        public Option<string> Node { get; } = CliOptions.Text("--node", "LABEL", "the node label recorded with the result");
        public Option<string> History { get; } = HistoryOption();
        public Option<bool> NoHistory { get; } = CliOptions.Flag("--no-history", "do not record the run in the history");
        public Option<string> Username { get; } = CliOptions.Text("--username", "U", "registry: the user name (with --password-env or --password-stdin)");
        public Option<string> UsernameEnv { get; } = CliOptions.Text("--username-env", "VAR", "registry: read the user name from this environment variable");
        public Option<string> PasswordEnv { get; } = CliOptions.Text("--password-env", "VAR", "registry: read the password from this environment variable");
        public Option<bool> PasswordStdin { get; } = CliOptions.Flag("--password-stdin", "registry: read the password from the first line of stdin");
        public Option<bool> PlainHttp { get; } = CliOptions.Flag("--plain-http", "registry: speak plain HTTP");
        public Option<bool> Insecure { get; } = CliOptions.Flag("--insecure", "registry: do not verify the TLS certificate");
        public Option<string> Endpoint { get; } = CliOptions.Text("--endpoint", "URL", "registry: pull from this http(s) endpoint instead of the image's host")
            .Check(v => Uri.TryCreate(v, UriKind.Absolute, out var u) && u.Scheme is "http" or "https" ? null : $"--endpoint '{v}' is not an http(s) URL");
        public Option<string> Platform { get; } = CliOptions.Text("--platform", "OS/ARCH", "registry: the platform to pull from an index (default: linux/amd64)")
            .Check(PlatformProblem);
        public Option<int?> Parallel { get; } = CliOptions.PositiveInteger("--parallel", "registry: blobs fetched at once");
        public Option<string> Socket { get; } = CliOptions.Text("--socket", "PATH", "cri: the containerd socket (default: /run/containerd/containerd.sock)");
        public Option<bool> Warm { get; } = CliOptions.Flag("--warm", "cri: do not remove the image first");
        public Option<string> Kubeconfig { get; } = CliOptions.Text("--kubeconfig", "PATH", "kubernetes: the kubeconfig to use");
        public Option<string> Namespace { get; } = CliOptions.Text("--namespace", "NS", "kubernetes: the namespace of the probe Jobs");
        public Option<string> Nodes { get; } = CliOptions.Text("--nodes", "a,b", "kubernetes: the nodes to pull on");
    }

    /// <summary>The values of one pull invocation.</summary>
    private sealed class PullArguments(PullOptions o, ParseResult r)
    {
        public string? Image { get; } = r.GetValue(o.Image) ?? r.GetValue(o.ImageArgument);
        public ProbeVia? Via { get; } = r.GetValue(o.Via) is { } v && ProbeViaText.TryParse(v, out var via) ? via : null;
        public TimeSpan? Budget { get; } = r.GetValue(o.Budget);
        public TimeSpan? Timeout { get; } = r.GetValue(o.Timeout);
        public bool Json { get; } = r.GetValue(o.Json);
        public bool StackGiven { get; } = r.IsGiven(o.Stack);
        public string? Stack { get; } = r.GetValue(o.Stack);
        public string? Probe { get; } = r.GetValue(o.Probe);
        public string? Node { get; } = r.GetValue(o.Node);
        public string? History { get; } = r.GetValue(o.History);
        public bool NoHistory { get; } = r.GetValue(o.NoHistory);
        public string? Username { get; } = r.GetValue(o.Username);
        public string? UsernameEnv { get; } = r.GetValue(o.UsernameEnv);
        public string? PasswordEnv { get; } = r.GetValue(o.PasswordEnv);
        public bool PasswordStdin { get; } = r.GetValue(o.PasswordStdin);
        public bool PlainHttp { get; } = r.GetValue(o.PlainHttp);
        public bool Insecure { get; } = r.GetValue(o.Insecure);
        public Uri? Endpoint { get; } = r.GetValue(o.Endpoint) is { } e ? new Uri(e) : null;
        public Platform? Platform { get; } = r.GetValue(o.Platform) is { } p ? ClusterRegistry.Probe.Oci.Platform.Parse(p) : null;
        public int? Parallel { get; } = r.GetValue(o.Parallel);
        public string? Socket { get; } = r.GetValue(o.Socket);
        public bool Warm { get; } = r.GetValue(o.Warm);
        public string? Kubeconfig { get; } = r.GetValue(o.Kubeconfig);
        public string? Namespace { get; } = r.GetValue(o.Namespace);
        public string? Nodes { get; } = r.GetValue(o.Nodes);
    }

    private static Option<string> ViaOption(string description)
    {
        string[] values = ["registry", "cri", "kubernetes"];
        var option = CliOptions.Text("--via", string.Join('|', values), $"{description}: {string.Join(", ", values)}")
            .Check(v => ProbeViaText.TryParse(v, out _) ? null : $"--via '{v}' is not one of {string.Join(", ", values)}");
        option.CompletionSources.Add(values);
        return option;
    }

    private static Option<string> HistoryOption() =>
        CliOptions.Text("--history", "PATH", "the history database (default: $XDG_DATA_HOME/clusterregistry/history.db)");

    private static string? PlatformProblem(string text)
    {
        try
        {
            Platform.Parse(text);
            return null;
        }
        catch (FormatException e)
        {
            return $"--platform '{text}': {e.Message}";
        }
    }

    private static async Task<int> PullAsync(VerbContext context, PullArguments a, CancellationToken cancellation)
    {
        var requests = BuildRequests(context, a);
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
            using var progress = a.Json ? null : ConsoleProgress.ForTerminal();
            results.AddRange(await ProbeRunner.RunAsync(request, progress, cancellation));
        }

        if (!a.NoHistory)
        {
            try
            {
                var history = new ProbeHistory(a.History ?? ProbeHistory.DefaultPath());
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

        if (a.Json)
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

    private static IReadOnlyList<ProbeRequest> BuildRequests(VerbContext context, PullArguments a)
    {
        var image = a.Image;
        var via = a.Via;
        var budget = a.Budget;
        var timeout = a.Timeout;
        var password = a.PasswordEnv is { } envName
            ? Environment.GetEnvironmentVariable(envName) ?? throw new UsageException($"--password-env {envName}: the variable is not set")
            : a.PasswordStdin ? Console.In.ReadLine() : null;
        var username = a.UsernameEnv is { } userEnv
            ? Environment.GetEnvironmentVariable(userEnv) ?? throw new UsageException($"--username-env {userEnv}: the variable is not set")
            : a.Username;
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

            registry.PlainHttp |= a.PlainHttp;
            registry.InsecureSkipVerify = a.Insecure;
            if (a.Endpoint is { } endpoint)
            {
                registry.Endpoint = endpoint;
            }

            if (a.Platform is { } platform)
            {
                registry.Platform = platform;
            }

            if (a.Parallel is { } parallel)
            {
                registry.Parallelism = parallel;
            }

            var nodes = a.Nodes is { } ns ? ns.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) : r.Nodes;
            return new ProbeRequest
            {
                Image = image ?? r.Image,
                Via = via ?? r.Via,
                Budget = budget ?? r.Budget,
                Timeout = timeout ?? r.Timeout,
                ProbeName = r.ProbeName,
                Node = a.Node ?? r.Node,
                Registry = registry,
                Socket = a.Socket ?? r.Socket,
                Cold = !a.Warm,
                Nodes = nodes.ToArray(),
                Namespace = a.Namespace ?? r.Namespace,
                Kubeconfig = a.Kubeconfig ?? r.Kubeconfig,
            };
        }

        if (a.StackGiven || (image is null && !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("PULUMI_STACK")) && context.Catalog.Names.Count > 0))
        {
            var stack = context.BuildStack(a.Stack);
            var requests = StackProbes.For(stack, a.Probe, Adjust);
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

        if (!PullReference.TryParse(image, out _, out var error))
        {
            throw new UsageException(error);
        }

        // Without a stack, --probe NAME only labels the result (as the Pulumi probe step does for the native binary).
        return [Adjust(new ProbeRequest { Image = image, Via = ProbeVia.Registry, ProbeName = a.Probe })];
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

    /// <summary>The options <c>probe history</c> and <c>probe report</c> share: which runs to read.</summary>
    private sealed class HistoryQueryOptions
    {
        public Option<string> History { get; } = HistoryOption();
        public Option<string> Image { get; } = CliOptions.Text("--image", "IMAGE", "only runs of this image");
        public Option<string> Node { get; } = CliOptions.Text("--node", "LABEL", "only runs on this node");
        public Option<string> Via { get; } = ViaOption("only runs that pulled this way");
        public Option<int?> Limit { get; } = CliOptions.PositiveInteger("--limit", "at most this many runs, newest first (default: 1000)");

        public void AddTo(Command command)
        {
            command.Add(History);
            command.Add(Image);
            command.Add(Node);
            command.Add(Via);
            command.Add(Limit);
        }
    }

    private static VerbCommand HistoryCommand(VerbContext context)
    {
        var query = new HistoryQueryOptions();
        var json = CliOptions.Flag("--json", "print the runs as a JSON array");
        var command = new VerbCommand("history", "list the recorded probe runs",
            ok: "listed",
            badInput: "bad input, or --history is not a probe history database");
        query.AddTo(command);
        command.Add(json);
        command.SetAction(result => History(context, ReadHistory(query, result), result.GetValue(json)));
        return command;
    }

    private static VerbCommand ReportCommand(VerbContext context)
    {
        var query = new HistoryQueryOptions();
        var output = CliOptions.OutFile("the plot to write: .png, .svg or .html", required: true);
        output.HelpName = "FILE.png|svg|html";
        var command = new VerbCommand("report", "plot the recorded probe runs",
            ok: "written",
            badInput: "bad input, --history is not a probe history database, or plotting is not in this build");
        query.AddTo(command);
        command.Add(output);
        command.SetAction(result => Report(context, query, result, result.GetValue(output)!));
        return command;
    }

    private static int History(VerbContext context, (ProbeHistory History, IReadOnlyList<HistoryEntry> Entries) read, bool json)
    {
        var (history, entries) = read;
        if (json)
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

    private static int Report(VerbContext context, HistoryQueryOptions query, ParseResult result, string output)
    {
        if (!ProbeFeatures.PlottingIsSupported)
        {
            context.Error.WriteLine("error: probe report " + ProbeFeatures.NativeHint);
            return ExitCodes.BadInput;
        }

        ILatencyReportWriter writer;
        try
        {
            writer = OptionalPackages.RequireReports();
        }
        catch (OptionalPackageMissingException e)
        {
            throw new UsageException(e.Message);
        }

        var (_, entries) = ReadHistory(query, result);
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
    private static (ProbeHistory History, IReadOnlyList<HistoryEntry> Entries) ReadHistory(HistoryQueryOptions query, ParseResult result)
    {
        var given = result.GetValue(query.History);
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

        var limit = result.GetValue(query.Limit) ?? 1000;
        try
        {
            var history = new ProbeHistory(path);
            return (history, history.Query(result.GetValue(query.Image), result.GetValue(query.Node), result.GetValue(query.Via), limit));
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
}
