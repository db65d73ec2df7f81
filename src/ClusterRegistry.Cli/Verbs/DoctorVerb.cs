using System.CommandLine;
using ClusterRegistry.Cli.Parsing;
using ClusterRegistry.Doctor;
using ClusterRegistry.Doctor.Nodes;
using ClusterRegistry.Doctor.Reporting;

namespace ClusterRegistry.Cli.Verbs;

/// <summary>
/// <c>doctor --stack NAME --node IP (--root DIR | --talosctl) [--format text|json]</c>: compares a node with the stack's
/// node view and reports CRG501–CRG508. Exit 0 healthy, 1 findings, 2 could not inspect.
/// </summary>
public sealed class DoctorVerb : IVerb
{
    public string Name => "doctor";

    public string Summary => "diagnose a node against the stack's node view (CRG5xx): --node IP (--root DIR | --talosctl)";

    public Command CreateCommand(VerbContext context)
    {
        var stackOption = CliOptions.Stack(context.Catalog, "the stack whose node view the node is compared with (default: $PULUMI_STACK)");
        var node = CliOptions.Text("--node", "IP", "the node (its address in the stack's Talos machine config)", required: true);
        var rootOption = CliOptions.Text("--root", "DIR", "a copy or sandbox root of the node (etc/cri/conf.d, etc/hosts, var/lib/containerd)");
        var talosctl = CliOptions.Flag("--talosctl", "read the live node with talosctl instead of --root");
        var talosctlPath = CliOptions.Text("--talosctl-path", "PATH", "the talosctl binary (default: talosctl on PATH)");
        var format = CliOptions.Choice("--format", "the report format", "text", "json");
        var command = new VerbCommand(Name, Summary,
            ok: "the node is healthy",
            findings: "findings (CRG501-CRG508)",
            badInput: "bad input, or the node could not be inspected")
        {
            stackOption, node, rootOption, talosctl, talosctlPath, format,
        };
        command.Validators.Add(r =>
        {
            if ((r.GetResult(rootOption) is null) == (r.GetResult(talosctl)?.GetValueOrDefault<bool>() != true))
            {
                r.AddError("pass exactly one of --root DIR (a copy or sandbox root of the node) and --talosctl (read the live node)");
            }
        });
        command.SetAction((result, cancellation) => RunAsync(
            context,
            context.BuildStack(result.GetValue(stackOption)),
            result.GetValue(node)!,
            result.GetValue(rootOption),
            result.GetValue(talosctlPath) ?? "talosctl",
            result.GetValue(format)!,
            cancellation));
        return command;
    }

    private static async Task<int> RunAsync(VerbContext context, Stack stack, string node, string? root, string talosctlPath, string format, CancellationToken cancellation)
    {
        var request = await StackNodeView.RequestForAsync(stack, node, cancellation);
        DoctorReport report;
        try
        {
            INodeReader reader = root is not null
                ? new RootDirectoryReader(root)
                : new TalosctlReader(node, talosctlPath);
            report = await NodeDoctor.RunAsync(request, reader, cancellation);
        }
        catch (NodeInspectionException e)
        {
            context.Error.WriteLine($"error: cannot inspect node {node}: {e.Message}");
            return ExitCodes.BadInput;
        }

        if (format == "json")
        {
            context.Out.Write(DoctorJsonWriter.ToJson(report));
        }
        else
        {
            DoctorTextWriter.Write(report, context.Out);
        }

        return report.Healthy ? ExitCodes.Ok : ExitCodes.Findings;
    }
}
