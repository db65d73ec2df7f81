using System.Collections.Immutable;
using ClusterRegistry.Analyzers.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace ClusterRegistry.Analyzers.Tests;

/// <summary>
/// Half-typed code must never make the analyzer throw: every prefix of a stack file, strided prefixes of a larger one,
/// and seeded random token deletions all analyse without AD0001 and without an exception the analyzer had to swallow.
/// </summary>
public class RobustnessTests
{
    private static async Task AssertNoFailuresAsync(string label, IEnumerable<string> variants)
    {
        var analyzer = new StackAnalyzer();
        var baseCompilation = TestCompilation.Create("");
        var placeholder = baseCompilation.SyntaxTrees.First();
        var failures = new List<string>();
        var before = StackAnalyzer.InternalErrors;
        var count = 0;
        foreach (var text in variants)
        {
            count++;
            var tree = CSharpSyntaxTree.ParseText(text, new CSharpParseOptions(LanguageVersion.Latest), path: placeholder.FilePath);
            var compilation = baseCompilation.ReplaceSyntaxTree(placeholder, tree);
            var exceptions = new List<Exception>();
            var cwa = new CompilationWithAnalyzers(
                compilation,
                ImmutableArray.Create<DiagnosticAnalyzer>(analyzer),
                new CompilationWithAnalyzersOptions(new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty), (e, _, _) => exceptions.Add(e), concurrentAnalysis: false, logAnalyzerExecutionTime: false));
            var diags = await cwa.GetAnalyzerDiagnosticsAsync();
            if (exceptions.Count > 0 || diags.Any(d => d.Id == "AD0001") || StackAnalyzer.InternalErrors != before)
            {
                failures.Add($"variant {count} (length {text.Length}): {exceptions.FirstOrDefault() ?? StackAnalyzer.LastInternalError}\n---\n{text[Math.Max(0, text.Length - 200)..]}");
                before = StackAnalyzer.InternalErrors;
                if (failures.Count >= 3)
                {
                    break;
                }
            }
        }

        Assert.True(count > 0);
        Assert.True(failures.Count == 0, label + ": " + string.Join("\n=====\n", failures));
    }

    [Theory]
    [InlineData("HomelabStack.cs")]
    [InlineData("LocalStack.cs")]
    public Task Every_prefix_of_a_repository_stack_analyses_cleanly(string file)
    {
        var text = StackFiles.Repo(file);
        return AssertNoFailuresAsync(file, Enumerable.Range(0, text.Length + 1).Select(n => text[..n]));
    }

    [Fact]
    public Task Strided_prefixes_of_a_large_multi_stack_file_analyse_cleanly()
    {
        var sources = new[] { StackFiles.Repo("HomelabStack.cs"), StackFiles.Repo("LocalStack.cs") }.Concat(StackFiles.TestNames().Select(StackFiles.Test));
        var text = MultiStackFile(sources);
        Assert.True(text.Length > 10_000, "the larger file should be several stacks long");
        return AssertNoFailuresAsync("all test stacks", Enumerable.Range(0, text.Length / 23 + 1).Select(n => text[..Math.Min(text.Length, n * 23)]));
    }

    /// <summary>Several stack files as one: usings hoisted, each file-scoped namespace turned into a block.</summary>
    internal static string MultiStackFile(IEnumerable<string> sources)
    {
        var usings = new SortedSet<string>(StringComparer.Ordinal);
        var bodies = new List<string>();
        var i = 0;
        foreach (var source in sources)
        {
            var lines = source.Split('\n');
            usings.UnionWith(lines.Where(l => l.StartsWith("using ", StringComparison.Ordinal)));
            var body = string.Join("\n", lines.Where(l => !l.StartsWith("using ", StringComparison.Ordinal)));
            var ns = System.Text.RegularExpressions.Regex.Match(body, @"namespace ([\w.]+);");
            body = ns.Success ? body.Replace(ns.Value, $"namespace {ns.Groups[1].Value}.N{i} {{") + "\n}\n" : body;
            bodies.Add(body);
            i++;
        }

        return string.Join("\n", usings) + "\n" + string.Join("\n", bodies);
    }

    [Theory]
    [InlineData("HomelabStack.cs", 1)]
    [InlineData("HomelabStack.cs", 2)]
    [InlineData("LocalStack.cs", 3)]
    public Task Random_token_deletions_analyse_cleanly(string file, int seed)
    {
        var text = StackFiles.Repo(file);
        var tokens = CSharpSyntaxTree.ParseText(text).GetRoot().DescendantTokens().ToList();
        var random = new Random(seed);
        var variants = new List<string>();
        for (var i = 0; i < 300; i++)
        {
            var deletions = tokens.OrderBy(_ => random.Next()).Take(1 + random.Next(5)).OrderByDescending(t => t.SpanStart).ToList();
            var mutated = text;
            foreach (var t in deletions)
            {
                mutated = mutated.Remove(t.SpanStart, t.Span.Length);
            }

            variants.Add(mutated);
        }

        return AssertNoFailuresAsync($"{file} seed {seed}", variants);
    }
}
