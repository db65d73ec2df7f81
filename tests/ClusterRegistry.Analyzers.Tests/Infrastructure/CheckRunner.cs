using System.Reflection;
using Microsoft.CodeAnalysis;

namespace ClusterRegistry.Analyzers.Tests.Infrastructure;

/// <summary>
/// What <c>check</c> reports for stack source: the source is compiled and loaded, the stack is built with the real
/// model, and the runtime snapshot builder and rule engine (ClusterRegistry.Rules.dll, as <c>check</c> runs them) judge it.
/// Reflection, because this assembly also sees the rule types compiled into the analyzer under the same names.
/// </summary>
public static class CheckRunner
{
    public static string[] Ids(Compilation compilation, string stackTypeName)
    {
        using var pe = new MemoryStream();
        var emit = compilation.Emit(pe);
        Assert.True(emit.Success, string.Join("\n", emit.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error)));
        var assembly = Assembly.Load(pe.ToArray());
        var type = assembly.GetTypes().Single(t => t.Name == stackTypeName);
        var stack = Stack.Build(() => (Stack)Activator.CreateInstance(type)!);

        var builder = typeof(Stack).Assembly.GetType("ClusterRegistry.Topology.SnapshotBuilder", throwOnError: true)!;
        var snapshot = builder.GetMethod("Build", new[] { typeof(Stack) })!.Invoke(null, new object[] { stack })!;
        var engine = snapshot.GetType().Assembly.GetType("ClusterRegistry.Rules.RuleEngine", throwOnError: true)!;
        var findings = (System.Collections.IEnumerable)engine.GetMethod("Run", new[] { snapshot.GetType() })!.Invoke(null, new[] { snapshot })!;
        return findings.Cast<object>()
            .Select(f => (string)f.GetType().GetProperty("Id")!.GetValue(f)!)
            .Distinct()
            .OrderBy(x => x, StringComparer.Ordinal)
            .ToArray();
    }
}
