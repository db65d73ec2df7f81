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

    public async Task<int> RunAsync(VerbContext context)
    {
        var cl = new CommandLine(context.Args, "talosctl");
        cl.AllowOnly("stack", "node", "root", "talosctl", "talosctl-path", "format");
        var node = cl.Require("node");
        var format = cl.Get("format") ?? "text";
        if (format is not ("text" or "json"))
        {
            throw new UsageException($"--format must be text or json, not '{format}'");
        }

        var root = cl.Get("root");
        var viaTalosctl = cl.Flag("talosctl");
        if ((root is null) == !viaTalosctl)
        {
            throw new UsageException("pass exactly one of --root DIR (a copy or sandbox root of the node) and --talosctl (read the live node)");
        }

        var stack = context.BuildStack(cl);
        var request = await StackNodeView.RequestForAsync(stack, node, context.Cancellation);
        DoctorReport report;
        try
        {
            INodeReader reader = root is not null
                ? new RootDirectoryReader(root)
                : new TalosctlReader(node, cl.Get("talosctl-path") ?? "talosctl");
            report = await NodeDoctor.RunAsync(request, reader, context.Cancellation);
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
