using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace ClusterRegistry.Analyzers.Tests.Editor;

/// <summary>
/// The client half of the Language Server Protocol over a server's stdin/stdout (JSON-RPC 2.0 with
/// <c>Content-Length</c> framing, https://microsoft.github.io/language-server-protocol/specifications/lsp/3.17/specification/):
/// what an editor does, reduced to requests, notifications, answering the server's own requests, and collecting the
/// <c>textDocument/publishDiagnostics</c> notifications it pushes.
/// </summary>
public sealed class LspClient : IAsyncDisposable
{
    private readonly Process process;
    private readonly Stream input;
    private readonly SemaphoreSlim writeLock = new(1, 1);
    private readonly ConcurrentDictionary<int, TaskCompletionSource<JsonNode?>> pending = new();
    private readonly Func<string, JsonNode?, JsonNode?> answerServerRequest;
    private readonly StringBuilder stderr = new();
    private readonly Task reader;
    private int nextId;

    private LspClient(Process process, Func<string, JsonNode?, JsonNode?> answerServerRequest)
    {
        this.process = process;
        this.answerServerRequest = answerServerRequest;
        input = process.StandardInput.BaseStream;
        process.ErrorDataReceived += (_, e) => { lock (stderr) { stderr.AppendLine(e.Data); } };
        process.BeginErrorReadLine();
        reader = Task.Run(ReadLoopAsync);
    }

    /// <summary>Every <c>textDocument/publishDiagnostics</c> params received, in order, with the time it arrived.</summary>
    public ConcurrentQueue<(DateTime At, JsonNode Params)> Diagnostics { get; } = new();

    /// <summary>The methods of every notification the server sent (for a failure message).</summary>
    public ConcurrentQueue<string> Notifications { get; } = new();

    public string StandardError { get { lock (stderr) { return stderr.ToString(); } } }

    /// <summary>Starts <paramref name="file"/> with <paramref name="args"/> in <paramref name="workingDirectory"/>.</summary>
    public static LspClient Start(string file, IEnumerable<string> args, string workingDirectory, Func<string, JsonNode?, JsonNode?> answerServerRequest)
    {
        var psi = new ProcessStartInfo(file)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory,
        };
        foreach (var a in args)
        {
            psi.ArgumentList.Add(a);
        }

        psi.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        psi.Environment["DOTNET_NOLOGO"] = "1";
        var process = Process.Start(psi) ?? throw new InvalidOperationException($"could not start {file}");
        return new LspClient(process, answerServerRequest);
    }

    public async Task<JsonNode?> RequestAsync(string method, JsonNode? @params, TimeSpan timeout)
    {
        var id = Interlocked.Increment(ref nextId);
        var answer = new TaskCompletionSource<JsonNode?>(TaskCreationOptions.RunContinuationsAsynchronously);
        pending[id] = answer;
        await SendAsync(new JsonObject { ["jsonrpc"] = "2.0", ["id"] = id, ["method"] = method, ["params"] = @params });
        var done = await Task.WhenAny(answer.Task, Task.Delay(timeout));
        if (done != answer.Task)
        {
            throw new TimeoutException($"{method}: no answer in {timeout.TotalSeconds:0} s; server stderr: {Tail(StandardError)}");
        }

        return await answer.Task;
    }

    public Task NotifyAsync(string method, JsonNode? @params) =>
        SendAsync(new JsonObject { ["jsonrpc"] = "2.0", ["method"] = method, ["params"] = @params });

    /// <summary>Waits until a publishDiagnostics for <paramref name="uri"/> received after <paramref name="since"/> satisfies <paramref name="accept"/>.</summary>
    public async Task<JsonArray?> WaitForDiagnosticsAsync(string uri, DateTime since, Func<JsonArray, bool> accept, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            foreach (var (at, p) in Diagnostics)
            {
                if (at >= since && (string?)p["uri"] == uri && p["diagnostics"] is JsonArray list && accept(list))
                {
                    return list;
                }
            }

            if (process.HasExited)
            {
                throw new InvalidOperationException($"the language server exited ({process.ExitCode}): {Tail(StandardError)}");
            }

            await Task.Delay(50);
        }

        return null;
    }

    private async Task SendAsync(JsonObject message)
    {
        var body = Encoding.UTF8.GetBytes(message.ToJsonString());
        var header = Encoding.ASCII.GetBytes($"Content-Length: {body.Length}\r\n\r\n");
        await writeLock.WaitAsync();
        try
        {
            await input.WriteAsync(header);
            await input.WriteAsync(body);
            await input.FlushAsync();
        }
        finally
        {
            writeLock.Release();
        }
    }

    private async Task ReadLoopAsync()
    {
        var output = process.StandardOutput.BaseStream;
        try
        {
            while (true)
            {
                var length = await ReadHeaderAsync(output);
                if (length < 0)
                {
                    return;
                }

                var body = new byte[length];
                await output.ReadExactlyAsync(body);
                var message = JsonNode.Parse(body)!;
                await DispatchAsync(message);
            }
        }
        catch (Exception e) when (e is IOException or ObjectDisposedException or EndOfStreamException)
        {
            foreach (var p in pending.Values)
            {
                p.TrySetException(e);
            }
        }
    }

    private async Task DispatchAsync(JsonNode message)
    {
        var method = (string?)message["method"];
        var hasId = message["id"] is not null;
        if (method is null && hasId)
        {
            // An answer to one of our requests.
            if (pending.TryRemove((int)message["id"]!, out var answer))
            {
                if (message["error"] is { } error)
                {
                    answer.TrySetException(new InvalidOperationException($"LSP error: {error.ToJsonString()}"));
                }
                else
                {
                    answer.TrySetResult(message["result"]?.DeepClone());
                }
            }
        }
        else if (method is not null && hasId)
        {
            // The server asks us something (workspace/configuration, client/registerCapability, ...).
            var result = answerServerRequest(method, message["params"]);
            await SendAsync(new JsonObject { ["jsonrpc"] = "2.0", ["id"] = message["id"]!.DeepClone(), ["result"] = result });
        }
        else if (method is not null)
        {
            Notifications.Enqueue(method);
            if (method == "textDocument/publishDiagnostics" && message["params"] is { } p)
            {
                Diagnostics.Enqueue((DateTime.UtcNow, p.DeepClone()));
            }
        }
    }

    private static async Task<int> ReadHeaderAsync(Stream s)
    {
        var line = new StringBuilder();
        var length = -1;
        var one = new byte[1];
        while (true)
        {
            if (await s.ReadAsync(one) == 0)
            {
                return -1;
            }

            if (one[0] == '\n')
            {
                var text = line.ToString().TrimEnd('\r');
                line.Clear();
                if (text.Length == 0)
                {
                    return length;
                }

                if (text.StartsWith("Content-Length:", StringComparison.OrdinalIgnoreCase))
                {
                    length = int.Parse(text["Content-Length:".Length..].Trim(), System.Globalization.CultureInfo.InvariantCulture);
                }
            }
            else
            {
                line.Append((char)one[0]);
            }
        }
    }

    private static string Tail(string s) => s.Length <= 2000 ? s : s[^2000..];

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (!process.HasExited)
            {
                using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(10));
                try
                {
                    await RequestAsync("shutdown", null, TimeSpan.FromSeconds(10));
                    await NotifyAsync("exit", null);
                    await process.WaitForExitAsync(cts.Token);
                }
                catch (Exception e) when (e is TimeoutException or OperationCanceledException or IOException or InvalidOperationException)
                {
                }
            }
        }
        finally
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }

            await Task.WhenAny(reader, Task.Delay(TimeSpan.FromSeconds(5)));
            process.Dispose();
        }
    }
}
