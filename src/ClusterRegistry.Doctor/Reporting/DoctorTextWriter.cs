namespace ClusterRegistry.Doctor.Reporting;

/// <summary>The human report: one block per finding (rule, subject, seen, why, fix).</summary>
public static class DoctorTextWriter
{
    public static void Write(DoctorReport report, TextWriter w)
    {
        var head = $"doctor: node {report.Node} ({report.Source}) against stack '{report.Stack}': ";
        if (report.Healthy)
        {
            w.Write(head + $"healthy ({NodeDoctor.Checks.Count} checks, CRG501-CRG508)\n");
            return;
        }

        w.Write(head + $"{report.Findings.Count} finding{(report.Findings.Count == 1 ? "" : "s")}\n");
        foreach (var f in report.Findings)
        {
            w.Write($"\n{f.Id} {f.Subject}\n");
            w.Write($"  seen: {f.Seen}\n");
            w.Write($"  why:  {f.Why}\n");
            w.Write($"  fix:  {f.Fix}\n");
        }
    }
}
