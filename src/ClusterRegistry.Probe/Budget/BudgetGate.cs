namespace ClusterRegistry.Probe.Budget;

/// <summary>The gate a post-deploy step applies: a successful pull within budget passes, over budget fails, errors are errors.</summary>
public static class BudgetGate
{
    /// <summary>Process exit code for the verdict: 0 within budget, 1 over budget, 2 failed to pull.</summary>
    public static int ExitCode(ProbeResult result) => result.Failure is not null ? 2 : result.WithinBudget ? 0 : 1;

    /// <summary>Exit code for several results: the worst of them.</summary>
    public static int ExitCode(IEnumerable<ProbeResult> results) => results.Select(ExitCode).DefaultIfEmpty(0).Max();
}
