using System.Collections.Immutable;
using ClusterRegistry.Analyzers.Tests.Infrastructure;
using ClusterRegistry.Testing;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace ClusterRegistry.Analyzers.Tests;

/// <summary>
/// Half-typed code must never make the analyzer or a code fix throw. For every stack source in the repository (the
/// stacks, the seed stack, the 30 broken stacks, the multi-environment example in docs/): prefixes cut at token
/// boundaries and inside tokens (strided to keep the suite fast), and seeded random token deletions, analyse without AD0001 and without an exception the analyzer
/// had to swallow; every fix provider offered on the mutated code registers and computes its edits without throwing.
/// </summary>
public class RobustnessTests
{
    /// <summary>Token boundaries per repository stack (homelab, local, seed): a stride keeps each file near this many.</summary>
    private const int PrefixesPerMainStack = 90;

    /// <summary>Token boundaries per broken stack (30 files that differ from the homelab stack in a few lines).</summary>
    private const int PrefixesPerBrokenStack = 25;

    private const int DeletionVariantsPerFile = 25;

    public static TheoryData<string> Sources()
    {
        var data = new TheoryData<string>();
        foreach (var path in SourcePaths())
        {
            data.Add(path);
        }

        return data;
    }

    /// <summary>Repository-relative paths of every stack source.</summary>
    public static IEnumerable<string> SourcePaths() =>
        new[] { "stacks/HomelabStack.cs", "stacks/LocalStack.cs", "tests/ClusterRegistry.Analyzers.Tests/StackSources/SeedStack.cs", "docs/multi-environment.md" }
            .Concat(Directory.GetFiles(Path.Combine(RepoPaths.Root, "tests", "ClusterRegistry.Rules.Tests", "BrokenStacks"), "*Stack.cs")
                .Select(p => "tests/ClusterRegistry.Rules.Tests/BrokenStacks/" + Path.GetFileName(p))
                .OrderBy(p => p, StringComparer.Ordinal));

    // A Markdown page contributes its csharp block (docs/multi-environment.md: a base stack, helpers, two environments).
    private static string Read(string path)
    {
        var text = File.ReadAllText(Path.Combine(RepoPaths.Root, path));
        if (!path.EndsWith(".md", StringComparison.Ordinal))
        {
            return text;
        }

        var start = text.IndexOf("```csharp\n", StringComparison.Ordinal);
        Assert.True(start >= 0, path + " has no csharp block");
        start += "```csharp\n".Length;
        return text.Substring(start, text.IndexOf("```", start, StringComparison.Ordinal) - start);
    }

    /// <summary>Prefixes ending at every n-th token end and in the middle of that token (a half-typed name or literal).</summary>
    internal static IEnumerable<string> Prefixes(string text, int target)
    {
        var tokens = CSharpSyntaxTree.ParseText(text).GetRoot().DescendantTokens().ToList();
        var stride = Math.Max(1, tokens.Count / target);
        yield return "";
        for (var i = 0; i < tokens.Count; i += stride)
        {
            var t = tokens[i];
            if (t.Span.Length > 1)
            {
                yield return text[..(t.SpanStart + (t.Span.Length / 2))];
            }

            yield return text[..t.Span.End];
        }

        yield return text;
    }

    /// <summary>Deterministic variants with 1–5 random tokens deleted; the seed comes from the path, so every run is the same.</summary>
    internal static IEnumerable<string> TokenDeletions(string path, string text, int count)
    {
        var tokens = CSharpSyntaxTree.ParseText(text).GetRoot().DescendantTokens().Where(t => t.Span.Length > 0).ToList();
        var seed = path.Aggregate(17, (h, c) => unchecked((h * 31) + c));
        var random = new Random(seed);
        for (var i = 0; i < count; i++)
        {
            var deletions = Enumerable.Range(0, 1 + random.Next(5)).Select(_ => tokens[random.Next(tokens.Count)]).Distinct().OrderByDescending(t => t.SpanStart);
            var mutated = text;
            foreach (var t in deletions)
            {
                mutated = mutated.Remove(t.SpanStart, t.Span.Length);
            }

            yield return mutated;
        }
    }

    private static async Task AssertAnalyzerSurvivesAsync(string label, IEnumerable<string> variants)
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

        Assert.True(count > 1, label + ": no variants");
        Assert.True(failures.Count == 0, label + ": " + string.Join("\n=====\n", failures));
    }

    [Theory]
    [MemberData(nameof(Sources))]
    public Task Prefixes_analyse_cleanly(string path) =>
        AssertAnalyzerSurvivesAsync(path, Prefixes(Read(path), path.Contains("/BrokenStacks/", StringComparison.Ordinal) ? PrefixesPerBrokenStack : PrefixesPerMainStack));

    [Theory]
    [MemberData(nameof(Sources))]
    public Task Random_token_deletions_analyse_cleanly(string path)
    {
        var text = Read(path);
        return AssertAnalyzerSurvivesAsync(path, TokenDeletions(path, text, DeletionVariantsPerFile));
    }

    [Fact]
    public void Every_stack_source_is_exercised()
    {
        var paths = SourcePaths().ToList();
        Assert.True(paths.Count >= 31, string.Join(", ", paths));
        Assert.All(paths, p => Assert.True(File.Exists(Path.Combine(RepoPaths.Root, p)), p));
    }

    private static readonly CodeFixProvider[] FixProviders = typeof(ClusterRegistry.CodeFixes.StackCodeFix).Assembly.GetTypes()
        .Where(t => !t.IsAbstract && typeof(CodeFixProvider).IsAssignableFrom(t))
        .OrderBy(t => t.Name, StringComparer.Ordinal)
        .Select(t => (CodeFixProvider)Activator.CreateInstance(t)!)
        .ToArray();

    /// <summary>
    /// Every fix provider on every fixable diagnostic of mutated stacks (the broken stacks carry the diagnostics): the
    /// fix registers and its operations compute, or it is not offered; it never throws.
    /// </summary>
    [Theory]
    [MemberData(nameof(Sources))]
    public async Task Code_fixes_on_mutated_code_do_not_throw(string path)
    {
        var text = Read(path);
        var variants = new[] { text }.Concat(TokenDeletions(path + "#fix", text, 3)).Concat(Prefixes(text, 2).Skip(3).Take(2)); // cut in and after the middle token
        var ids = FixProviders.SelectMany(p => p.FixableDiagnosticIds).ToHashSet(StringComparer.Ordinal);
        var offered = 0;
        var fixableOnOriginal = -1;
        foreach (var variant in variants)
        {
            var document = StackWorkspace.CreateDocument(variant);
            var diags = await StackWorkspace.DiagnosticsAsync(document, ids, allowCompileErrors: true);
            if (fixableOnOriginal < 0)
            {
                fixableOnOriginal = diags.Length;
            }

            foreach (var diagnostic in diags)
            {
                foreach (var provider in FixProviders.Where(p => p.FixableDiagnosticIds.Contains(diagnostic.Id)))
                {
                    try
                    {
                        foreach (var action in await StackWorkspace.ActionsAsync(provider, document, diagnostic))
                        {
                            offered++;
                            _ = await action.GetOperationsAsync(CancellationToken.None);
                        }
                    }
                    catch (Exception e)
                    {
                        Assert.Fail($"{provider.GetType().Name} threw on {diagnostic.Id} in a variant of {path} (length {variant.Length}): {e}");
                    }
                }
            }
        }

        // The unmutated broken stacks carry fixable diagnostics: fixes must have been offered (and computed) at least there.
        Assert.True(fixableOnOriginal == 0 || offered > 0, $"{path}: {fixableOnOriginal} fixable diagnostics but no fix offered");
    }
}
