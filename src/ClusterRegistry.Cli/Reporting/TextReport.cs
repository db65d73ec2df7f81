using System.Globalization;
using ClusterRegistry.Rules;

namespace ClusterRegistry.Cli.Reporting;

/// <summary>Compiler-style lines: <c>file(line): error CRG201: Resource Path: message</c>, then a summary.</summary>
public static class TextReport
{
    public static string Render(CheckResult result)
    {
        var w = new StringWriter(CultureInfo.InvariantCulture) { NewLine = "\n" };
        foreach (var r in result.Findings)
        {
            w.WriteLine(Line(r));
        }

        foreach (var n in result.Notices)
        {
            w.WriteLine(n.ToString());
        }

        w.WriteLine(result.Findings.Count == 0
            ? $"{result.Subject} '{result.StackName}': no findings ({RuleCatalog.All.Count.ToString(CultureInfo.InvariantCulture)} rules)"
            : $"{result.Subject} '{result.StackName}': {result.Errors.ToString(CultureInfo.InvariantCulture)} error(s), {result.Warnings.ToString(CultureInfo.InvariantCulture)} warning(s), {result.Infos.ToString(CultureInfo.InvariantCulture)} info(s)");
        return w.ToString();
    }

    /// <summary>One finding: <c>file(line[,column]): severity ID: resource property: message [help]</c>.</summary>
    public static string Line(ReportedFinding r)
    {
        var f = r.Finding;
        var where = r.File is null ? "" : r.Line is null ? r.File + ": "
            : r.Column is null ? $"{r.File}({r.Line.Value.ToString(CultureInfo.InvariantCulture)}): "
            : $"{r.File}({r.Line.Value.ToString(CultureInfo.InvariantCulture)},{r.Column.Value.ToString(CultureInfo.InvariantCulture)}): ";
        return $"{where}{Level(r.Severity)} {f.Id}: {f.Resource} {f.PropertyPath}: {f.Message} [{f.Rule.HelpLink}]";
    }

    public static string Level(RuleSeverity s) => s switch
    {
        RuleSeverity.Error => "error",
        RuleSeverity.Warning => "warning",
        _ => "info",
    };
}
