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
        var verdict = Judge(compilation, stackTypeName);
        Assert.True(verdict.Refusal is null, verdict.Refusal);
        return verdict.Findings.Select(f => f.Id).Distinct().OrderBy(x => x, StringComparer.Ordinal).ToArray();
    }

    /// <summary>
    /// <c>check</c>'s verdict: the findings (ID, resource, property path), or the refusal (<c>check</c> exits 2 with this
    /// <see cref="StackDefinitionException"/> message) when the model refuses the stack while it is built.
    /// </summary>
    public static CheckVerdict Judge(Compilation compilation, string stackTypeName) => Judge(Load(compilation), stackTypeName);

    /// <summary>Emits and loads the compilation (once for several stack classes).</summary>
    public static Assembly Load(Compilation compilation)
    {
        using var pe = new MemoryStream();
        var emit = compilation.Emit(pe);
        Assert.True(emit.Success, string.Join("\n", emit.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error)));
        return Assembly.Load(pe.ToArray());
    }

    /// <summary><c>check</c>'s verdict on one stack class of a loaded assembly.</summary>
    public static CheckVerdict Judge(Assembly assembly, string stackTypeName)
    {
        var type = assembly.GetTypes().Single(t => t.Name == stackTypeName);
        Stack stack;
        try
        {
            stack = Stack.Build(() => (Stack)Activator.CreateInstance(type)!);
        }
        catch (TargetInvocationException e) when (e.InnerException is StackDefinitionException refusal)
        {
            return new CheckVerdict(refusal.Message, Array.Empty<CheckFinding>());
        }

        var builder = typeof(Stack).Assembly.GetType("ClusterRegistry.Topology.SnapshotBuilder", throwOnError: true)!;
        var snapshot = builder.GetMethod("Build", new[] { typeof(Stack) })!.Invoke(null, new object[] { stack })!;
        var engine = snapshot.GetType().Assembly.GetType("ClusterRegistry.Rules.RuleEngine", throwOnError: true)!;
        var findings = (System.Collections.IEnumerable)engine.GetMethod("Run", new[] { snapshot.GetType() })!.Invoke(null, new[] { snapshot })!;
        string Get(object f, string name) => (string)f.GetType().GetProperty(name)!.GetValue(f)!;
        return new CheckVerdict(null, findings.Cast<object>()
            .Select(f => new CheckFinding(Get(f, "Id"), Get(f, "Resource"), Get(f, "PropertyPath")))
            .Distinct()
            .ToArray());
    }
}

/// <summary>One finding as both sides name it: the rule, the resource (<c>SpegelRelease 'spegel'</c>) and the property path.</summary>
public sealed record CheckFinding(string Id, string Resource, string PropertyPath)
{
    public override string ToString() => $"{Id} {Resource} {PropertyPath}";

    /// <summary>The analyzer's diagnostic as a finding (its Resource/PropertyPath properties).</summary>
    public static CheckFinding Of(Diagnostic d) =>
        new(d.Id, d.Properties.TryGetValue("Resource", out var r) ? r ?? "" : "", d.Properties.TryGetValue("PropertyPath", out var p) ? p ?? "" : "");
}

/// <summary><c>check</c>'s verdict on one stack: a refusal (exit 2) or findings.</summary>
public sealed record CheckVerdict(string? Refusal, IReadOnlyList<CheckFinding> Findings);
