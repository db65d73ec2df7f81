using System.Diagnostics;
using CsCheck;

namespace ClusterRegistry.Testing.Fuzz;

/// <summary>
/// Runs a body over inputs drawn from a CsCheck generator with a fixed seed: the same inputs on every run and machine,
/// at most <c>count</c> of them and no longer than <c>time</c> (whichever comes first), so a fuzz test is a bounded,
/// reproducible test and never a slow or flaky one. A failure names the seed and the case number to replay it.
/// </summary>
public static class SeededFuzz
{
    /// <summary>Runs <paramref name="body"/> on each input; returns how many ran.</summary>
    public static int Run<T>(Gen<T> gen, ulong seed, int count, TimeSpan time, Action<T, int> body, Func<T, string>? describe = null)
    {
        var pcg = new PCG(1, seed);
        var clock = Stopwatch.StartNew();
        var ran = 0;
        for (var i = 0; i < count && clock.Elapsed < time; i++)
        {
            var input = gen.Generate(pcg, null, out _);
            try
            {
                body(input, i);
            }
            catch (Exception e)
            {
                var shown = describe?.Invoke(input) ?? Show(input);
                throw new InvalidOperationException($"fuzz case {i} (seed {seed}) failed on {shown}: {e.GetType().Name}: {e.Message}", e);
            }

            ran++;
        }

        return ran;
    }

    /// <summary>What one case may take: <see cref="CaseTime"/> of wall time and <see cref="CaseMemory"/> bytes allocated.</summary>
    public static readonly TimeSpan CaseTime = TimeSpan.FromSeconds(30);

    /// <inheritdoc cref="CaseTime"/>
    public const long CaseMemory = 64L << 20;

    /// <summary>
    /// Runs one case on a thread of its own, so a hang fails the case instead of the run and the allocation counted is
    /// that thread's; an exception is rethrown named by <paramref name="what"/>.
    /// </summary>
    public static void WithinBudget(string what, Action body)
    {
        Exception? failure = null;
        long allocated = 0;
        var thread = new Thread(() =>
        {
            var before = GC.GetAllocatedBytesForCurrentThread();
            try
            {
                body();
            }
            catch (Exception e)
            {
                failure = e;
            }

            allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        }) { IsBackground = true };
        thread.Start();
        if (!thread.Join(CaseTime))
        {
            throw new TimeoutException($"{what}: still running after {CaseTime.TotalSeconds}s");
        }

        if (failure is not null)
        {
            throw new InvalidOperationException($"{what}: {failure.GetType().Name}: {failure.Message}", failure);
        }

        if (allocated >= CaseMemory)
        {
            throw new InsufficientMemoryException($"{what}: allocated {allocated} bytes, over the {CaseMemory} budget");
        }
    }

    private static string Show<T>(T input)
    {
        var text = input switch
        {
            byte[] b => Convert.ToHexString(b.AsSpan(0, Math.Min(b.Length, 256))) + (b.Length > 256 ? $"… ({b.Length} bytes)" : ""),
            string s => System.Text.Json.JsonSerializer.Serialize(s.Length > 512 ? s[..512] + "…" : s),
            _ => input?.ToString() ?? "null",
        };
        return text;
    }
}
