using System.Text.Json.Nodes;
using ClusterRegistry.Testing;
using ClusterRegistry.Testing.Processes;
using Xunit.Abstractions;

namespace ClusterRegistry.Analyzers.Tests.Editor;

/// <summary>
/// The analyzers in a real editor back end: the csharp-ls language server (NuGet dotnet tool, what Neovim, Emacs and
/// Helix users run) loads a stack project that references the analyzer and code fix assemblies the way the package does
/// (<c>Analyzer</c> items), with <c>csharp.analyzersEnabled</c> turned on as docs/editors.md tells users to. The test
/// opens the homelab stack, types <c>PrependExisting = false</c> and waits for CRG102 on exactly that assignment, then
/// types it back and waits for it to clear. Nothing is faked: the server runs MSBuild and Roslyn itself.
/// </summary>
public class CsharpLsTests(ITestOutputHelper output)
{
    private static readonly TimeSpan LoadTimeout = TimeSpan.FromMinutes(4);
    private static readonly TimeSpan EditTimeout = TimeSpan.FromMinutes(1);

    [CsharpLsFact]
    public async Task Typing_PrependExisting_false_shows_CRG102_on_the_assignment_and_clears_when_typed_back()
    {
        using var dir = new TempDir("crlsp");
        var stackPath = WriteStackProject(dir);
        var restore = await ExternalProcess.RunAsync("dotnet", ["restore", dir.Combine("Stacks.csproj"), "--nologo", "-v:q"], TimeSpan.FromMinutes(3));
        restore.EnsureSuccess("dotnet restore of the throw-away stack project (no package reference, offline)");

        var uri = new Uri(stackPath).AbsoluteUri;
        await using var server = LspClient.Start(CsharpLs.Executable, ["--loglevel", "info"], dir.Path, AnswerServer);
        await server.RequestAsync("initialize", new JsonObject
        {
            ["processId"] = Environment.ProcessId,
            ["rootUri"] = new Uri(dir.Path).AbsoluteUri,
            ["workspaceFolders"] = new JsonArray(new JsonObject { ["uri"] = new Uri(dir.Path).AbsoluteUri, ["name"] = "stacks" }),
            ["capabilities"] = new JsonObject
            {
                ["workspace"] = new JsonObject { ["configuration"] = true, ["workspaceFolders"] = true },
                ["textDocument"] = new JsonObject
                {
                    ["synchronization"] = new JsonObject { ["didSave"] = true },
                    ["publishDiagnostics"] = new JsonObject { ["relatedInformation"] = true },
                    ["codeAction"] = new JsonObject { ["codeActionLiteralSupport"] = new JsonObject { ["codeActionKind"] = new JsonObject { ["valueSet"] = new JsonArray("quickfix", "refactor") } } },
                },
            },
        }, LoadTimeout);
        await server.NotifyAsync("initialized", new JsonObject());
        await server.NotifyAsync("workspace/didChangeConfiguration", new JsonObject { ["settings"] = Settings() });

        var original = File.ReadAllText(stackPath);
        Assert.Contains("PrependExisting = true,", original, StringComparison.Ordinal);
        var started = DateTime.UtcNow;
        await server.NotifyAsync("textDocument/didOpen", new JsonObject
        {
            ["textDocument"] = new JsonObject { ["uri"] = uri, ["languageId"] = "csharp", ["version"] = 1, ["text"] = original },
        });

        // Loaded: the server pushes diagnostics for the open file once the project is in its workspace. The homelab
        // stack compiles and declares PrependExisting = true, so no compiler error and no CRG102.
        var loaded = await server.WaitForDiagnosticsAsync(uri, started, list => !list.Any(d => IsCompilerError(d)), LoadTimeout);
        Assert.True(loaded is not null, $"no clean diagnostics for {uri} within {LoadTimeout}; notifications: {string.Join(", ", server.Notifications.Distinct())}; stderr: {server.StandardError}");
        output.WriteLine($"project loaded and analysed in {(DateTime.UtcNow - started).TotalSeconds:0.0} s (shared 2-core machine)");
        Assert.DoesNotContain(loaded!, d => Code(d) == "CRG102");

        var edited = original.Replace("PrependExisting = true,", "PrependExisting = false,", StringComparison.Ordinal);
        var typed = DateTime.UtcNow;
        await server.NotifyAsync("textDocument/didChange", new JsonObject
        {
            ["textDocument"] = new JsonObject { ["uri"] = uri, ["version"] = 2 },
            ["contentChanges"] = new JsonArray(new JsonObject { ["text"] = edited }),
        });
        var withFinding = await server.WaitForDiagnosticsAsync(uri, typed, list => list.Any(d => Code(d) == "CRG102"), EditTimeout);
        Assert.True(withFinding is not null, $"no CRG102 within {EditTimeout} of the edit; last diagnostics: {Last(server, uri)}; stderr: {server.StandardError}");
        output.WriteLine($"CRG102 shown {(DateTime.UtcNow - typed).TotalSeconds:0.00} s after the edit (shared 2-core machine)");

        var crg102 = withFinding!.Single(d => Code(d) == "CRG102")!;
        var assignment = edited.IndexOf("PrependExisting = false", StringComparison.Ordinal);
        Assert.Equal(Position(edited, assignment), Range(crg102, "start"));
        Assert.Equal(Position(edited, assignment + "PrependExisting = false".Length), Range(crg102, "end"));
        Assert.Equal(LspSeverity(new StackAnalyzer().SupportedDiagnostics.Single(d => d.Id == "CRG102").DefaultSeverity), (int)crg102["severity"]!);
        Assert.Contains("PrependExisting", (string)crg102["message"]!, StringComparison.Ordinal);

        // What the light bulb holds there. csharp-ls 0.28.0 answered only its own refactorings ("Extract method", ...):
        // it does not run third-party code fix providers, which docs/editors.md says. Logged, not asserted, so the
        // day the server loads them this line shows it.
        var actions = await server.RequestAsync("textDocument/codeAction", new JsonObject
        {
            ["textDocument"] = new JsonObject { ["uri"] = uri },
            ["range"] = crg102["range"]!.DeepClone(),
            ["context"] = new JsonObject { ["diagnostics"] = new JsonArray(crg102.DeepClone()) },
        }, EditTimeout);
        output.WriteLine("code actions offered on CRG102: " + string.Join(" | ", (actions as JsonArray ?? []).Select(a => (string?)a?["title"])));

        var typedBack = DateTime.UtcNow;
        await server.NotifyAsync("textDocument/didChange", new JsonObject
        {
            ["textDocument"] = new JsonObject { ["uri"] = uri, ["version"] = 3 },
            ["contentChanges"] = new JsonArray(new JsonObject { ["text"] = original }),
        });
        var cleared = await server.WaitForDiagnosticsAsync(uri, typedBack, list => !list.Any(d => Code(d) == "CRG102"), EditTimeout);
        Assert.True(cleared is not null, $"CRG102 did not clear within {EditTimeout}; last diagnostics: {Last(server, uri)}");
        output.WriteLine($"CRG102 cleared {(DateTime.UtcNow - typedBack).TotalSeconds:0.00} s after typing it back");
    }

    /// <summary>A stack project as a package consumer has it: the model as a reference, analyzers and fixes as analyzers.</summary>
    private static string WriteStackProject(TempDir dir)
    {
        var bin = AppContext.BaseDirectory;
        string Dll(string name)
        {
            var path = Path.Combine(bin, name + ".dll");
            Assert.True(File.Exists(path), $"{path} not built");
            return path;
        }

        File.WriteAllText(dir.Combine("Stacks.csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <TargetFramework>net10.0</TargetFramework>
                <Nullable>enable</Nullable>
                <ImplicitUsings>enable</ImplicitUsings>
              </PropertyGroup>
              <ItemGroup>
                <Reference Include="ClusterRegistry" HintPath="{Dll("ClusterRegistry")}" />
                <Reference Include="ClusterRegistry.Rules" HintPath="{Dll("ClusterRegistry.Rules")}" />
                <Analyzer Include="{Dll("ClusterRegistry.Analyzers")}" />
                <Analyzer Include="{Dll("ClusterRegistry.CodeFixes")}" />
              </ItemGroup>
            </Project>
            """);
        // Restore must not reach any feed: the project has no package reference, and this config lists no source.
        File.WriteAllText(dir.Combine("nuget.config"), """
            <?xml version="1.0" encoding="utf-8"?>
            <configuration><packageSources><clear /></packageSources></configuration>
            """);
        var stack = dir.Combine("HomelabStack.cs");
        File.Copy(Path.Combine(RepoPaths.Root, "stacks", "HomelabStack.cs"), stack);
        return stack;
    }

    private static JsonObject Settings() => new() { ["csharp"] = new JsonObject { ["analyzersEnabled"] = true } };

    /// <summary>The server's requests to the editor: its settings (analyzers on), and plain acknowledgements.</summary>
    private static JsonNode? AnswerServer(string method, JsonNode? @params)
    {
        if (method == "workspace/configuration" && @params?["items"] is JsonArray items)
        {
            var answers = new JsonArray();
            foreach (var item in items)
            {
                var section = (string?)item?["section"];
                answers.Add(section switch
                {
                    "csharp" => new JsonObject { ["analyzersEnabled"] = true },
                    "csharp.analyzersEnabled" => JsonValue.Create(true),
                    null or "" => Settings(),
                    _ => null,
                });
            }

            return answers;
        }

        return null;
    }

    /// <summary>LSP DiagnosticSeverity: 1 error, 2 warning, 3 information, 4 hint.</summary>
    private static int LspSeverity(Microsoft.CodeAnalysis.DiagnosticSeverity s) => s switch
    {
        Microsoft.CodeAnalysis.DiagnosticSeverity.Error => 1,
        Microsoft.CodeAnalysis.DiagnosticSeverity.Warning => 2,
        Microsoft.CodeAnalysis.DiagnosticSeverity.Info => 3,
        _ => 4,
    };

    private static bool IsCompilerError(JsonNode? d) => Code(d).StartsWith("CS", StringComparison.Ordinal) && (int?)d?["severity"] == 1;

    private static string Code(JsonNode? d) => d?["code"]?.ToString() ?? "";

    private static (int Line, int Character) Range(JsonNode d, string end) =>
        ((int)d["range"]![end]!["line"]!, (int)d["range"]![end]!["character"]!);

    /// <summary>The LSP position (zero-based line, UTF-16 character) of an offset.</summary>
    private static (int Line, int Character) Position(string text, int offset)
    {
        var line = 0;
        var lineStart = 0;
        for (var i = 0; i < offset; i++)
        {
            if (text[i] == '\n')
            {
                line++;
                lineStart = i + 1;
            }
        }

        return (line, offset - lineStart);
    }

    private static string Last(LspClient server, string uri) =>
        server.Diagnostics.LastOrDefault(x => (string?)x.Params["uri"] == uri).Params?["diagnostics"]?.ToJsonString() ?? "(none)";
}
