using System.Diagnostics;
using System.Text;

namespace ClusterRegistry.Testing.Processes;

/// <summary>Runs a command to completion with a timeout and captures its output.</summary>
public static class ExternalProcess
{
    public sealed record Outcome(int ExitCode, string StandardOutput, string StandardError)
    {
        public Outcome EnsureSuccess(string what)
        {
            if (ExitCode != 0)
            {
                throw new InvalidOperationException($"{what} exited {ExitCode}: {StandardError.Trim()} {StandardOutput.Trim()}");
            }

            return this;
        }
    }

    public static async Task<Outcome> RunAsync(string file, IEnumerable<string> args, TimeSpan? timeout = null, string? stdin = null, IDictionary<string, string>? environment = null)
    {
        var psi = new ProcessStartInfo(file)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = stdin is not null,
            UseShellExecute = false,
        };
        foreach (var a in args)
        {
            psi.ArgumentList.Add(a);
        }

        if (environment is not null)
        {
            foreach (var (k, v) in environment)
            {
                psi.Environment[k] = v;
            }
        }

        using var p = Process.Start(psi) ?? throw new InvalidOperationException($"could not start {file}");
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        if (stdin is not null)
        {
            await p.StandardInput.WriteAsync(stdin);
            p.StandardInput.Close();
        }

        using var cts = new CancellationTokenSource(timeout ?? TimeSpan.FromMinutes(2));
        try
        {
            await p.WaitForExitAsync(cts.Token);
        }
        catch (OperationCanceledException)
        {
            p.Kill(entireProcessTree: true);
            throw new TimeoutException($"{file} {string.Join(' ', args)} did not finish within {timeout}");
        }

        return new Outcome(p.ExitCode, await stdout, await stderr);
    }
}

/// <summary>A long-running child process (a server) whose output goes to a log file; killed on dispose.</summary>
public sealed class BackgroundProcess : IDisposable
{
    private readonly Process process;
    private readonly StreamWriter log;

    private BackgroundProcess(Process process, StreamWriter log, string logPath)
    {
        this.process = process;
        this.log = log;
        LogPath = logPath;
    }

    public string LogPath { get; }

    public int Id => process.Id;

    public bool HasExited => process.HasExited;

    public static BackgroundProcess Start(string file, IEnumerable<string> args, string logPath, IDictionary<string, string>? environment = null)
    {
        var psi = new ProcessStartInfo(file)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var a in args)
        {
            psi.ArgumentList.Add(a);
        }

        if (environment is not null)
        {
            foreach (var (k, v) in environment)
            {
                psi.Environment[k] = v;
            }
        }

        var log = new StreamWriter(logPath, append: true, Encoding.UTF8) { AutoFlush = true };
        var p = new Process { StartInfo = psi, EnableRaisingEvents = true };
        p.OutputDataReceived += (_, e) => Write(log, e.Data);
        p.ErrorDataReceived += (_, e) => Write(log, e.Data);
        if (!p.Start())
        {
            throw new InvalidOperationException($"could not start {file}");
        }

        p.BeginOutputReadLine();
        p.BeginErrorReadLine();
        return new BackgroundProcess(p, log, logPath);
    }

    private static void Write(StreamWriter log, string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (log)
        {
            try
            {
                log.WriteLine(line);
            }
            catch (ObjectDisposedException)
            {
            }
        }
    }

    /// <summary>The log so far (for failure messages).</summary>
    public string ReadLog()
    {
        try
        {
            using var fs = new FileStream(LogPath, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
            using var r = new StreamReader(fs);
            var s = r.ReadToEnd();
            return s.Length > 4000 ? s[^4000..] : s;
        }
        catch (IOException)
        {
            return "";
        }
    }

    /// <summary>Kills the process (and its children) and waits until it is gone.</summary>
    public void Kill()
    {
        try
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }

            process.WaitForExit(10_000);
        }
        catch (InvalidOperationException)
        {
        }
    }

    public void Dispose()
    {
        Kill();
        process.Dispose();
        lock (log)
        {
            log.Dispose();
        }
    }
}
