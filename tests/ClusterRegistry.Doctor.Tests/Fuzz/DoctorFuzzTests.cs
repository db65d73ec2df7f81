using ClusterRegistry.Doctor.Containerd;
using ClusterRegistry.Doctor.Etc;
using ClusterRegistry.Doctor.Nodes;
using ClusterRegistry.Doctor.Reporting;
using ClusterRegistry.Testing;
using ClusterRegistry.Testing.Fuzz;
using ClusterRegistry.Testing.Processes;
using CsCheck;

namespace ClusterRegistry.Doctor.Tests.Fuzz;

/// <summary>
/// Seeded fuzzing of what doctor reads (bounded in count and time, the same cases on every run): random bytes and
/// TOML/YAML/JSON-shaped text through every node-file parser and the whole diagnosis, and node roots whose files are
/// swapped for links (in, out, loops, dangling), FIFOs, devices, folders and huge files. Each case must end within its
/// time budget, allocate less than its memory budget, and end as a report or a <see cref="NodeInspectionException"/>:
/// never another exception, a hang, or a byte of the file planted outside the root.
/// </summary>
public sealed class DoctorFuzzTests
{
    private const ulong Seed = 20261205;
    private static readonly DateTimeOffset Now = new(2026, 12, 5, 0, 0, 0, TimeSpan.Zero);
    private const string OutsideSecret = "OUTSIDE-THE-ROOT-SECRET-7f3a";

    private static readonly NodeSnapshot Expected =
        NodeSnapshot.ReadAsync(new InMemoryNodeReader(LocalNodeView.Files, "node view"), includeIngest: false, CancellationToken.None).GetAwaiter().GetResult();

    private static DoctorRequest Request() => new() { Stack = "local", Node = "127.0.0.1", Expected = Expected, SpegelDeclared = true, Clock = () => Now };

    [Fact]
    public void Every_node_file_parser_and_the_diagnosis_take_any_text()
    {
        var ran = SeededFuzz.Run(HostileText.Any, Seed, count: 1500, time: TimeSpan.FromSeconds(40), (text, i) => SeededFuzz.WithinBudget($"text case {i}", () =>
        {
            Refusal<FormatException>(() => HostsFile.Parse(text));
            Refusal<FormatException>(() => CriConfig.Parse(text));
            EtcHostsFile.Parse(text);
            TalosctlListing.ParseShort(text);
            Refusal<NodeInspectionException>(() => TalosctlListing.ParseLong(text, Now));
            var snapshot = new NodeSnapshot
            {
                Source = "fuzz",
                HostsDirs = new Dictionary<string, string?> { ["docker.io"] = text, ["127.0.0.105"] = text, [text.Length > 0 && text.Length < 60 && !text.Contains('/') ? text : "x"] = text },
                BackupDirs = new Dictionary<string, string?> { ["127.0.0.105"] = text },
                CriToml = text,
                EtcHosts = text,
                Ingests = [new NodeEntry(text.Length > 0 ? text[..Math.Min(text.Length, 40)] : "e", true, Now.AddDays(-2))],
            };
            var report = NodeDoctor.Diagnose(Request(), snapshot, Now);
            var written = new StringWriter();
            DoctorTextWriter.Write(report, written);
            DoctorJsonWriter.ToJson(report);
            if (text.Contains("SHADOWHASH", StringComparison.Ordinal) && HostsFileFailsAsSyntax(text))
            {
                // Only the TOML files hold the text here (/etc/hosts entries and ingest names are what their findings show).
                var tomlOnly = new NodeSnapshot
                {
                    Source = "fuzz", HostsDirs = new Dictionary<string, string?> { ["docker.io"] = text }, BackupDirs = new Dictionary<string, string?>(),
                    CriToml = text, EtcHosts = LocalNodeView.EtcHosts, Ingests = null,
                };
                var shown = new StringWriter();
                DoctorTextWriter.Write(NodeDoctor.Diagnose(Request(), tomlOnly, Now), shown);
                Assert.DoesNotContain("SHADOWHASH", shown.ToString());
            }
        }));

        Assert.True(ran >= 100, $"only {ran} cases ran within the time limit");
    }

    private static bool HostsFileFailsAsSyntax(string text)
    {
        try
        {
            HostsFile.Parse(text);
            CriConfig.Parse(text);
            return false;
        }
        catch (FormatException e)
        {
            return e.Message.StartsWith("not valid TOML", StringComparison.Ordinal);
        }
    }

    private static void Refusal<T>(Action parse) where T : Exception
    {
        try
        {
            parse();
        }
        catch (T)
        {
        }
    }

    public enum Swap
    {
        Text,
        Bytes,
        Empty,
        LinkOutAbsolute,
        LinkOutDotDot,
        LinkInside,
        LinkLoop,
        LinkDangling,
        LinkToDevZero,
        Fifo,
        CharacterDevice,
        Huge,
        Folder,
    }

    private static readonly string[] Targets =
    [
        "etc/hosts", "etc/cri/conf.d/cri.toml", "etc/cri/conf.d/hosts/docker.io/hosts.toml", "etc/cri/conf.d/hosts/docker.io",
        "etc/cri/conf.d/hosts", "etc/cri/conf.d/hosts/_backup", "etc/cri/conf.d/hosts/_backup/127.0.0.105/hosts.toml",
        "var/lib/containerd/io.containerd.content.v1.content/ingest", "etc/cri/conf.d/hosts/evil.io",
    ];

    private static readonly Gen<(int Target, Swap Swap, string Text)> Mutation =
        Gen.Select(Gen.Int[0, Targets.Length - 1], Gen.Enum<Swap>(), HostileText.Any, (t, s, x) => (t, s, x));

    [Fact]
    public void Node_roots_with_links_fifos_devices_and_huge_files_end_as_a_report_or_an_inspection_error()
    {
        using var temp = new TempDir("doctor-fuzz");
        var secret = Path.Combine(temp.Path, "secret");
        File.WriteAllText(secret, OutsideSecret + "\n");
        var ran = SeededFuzz.Run(Mutation.Array[1, 3], Seed, count: 150, time: TimeSpan.FromSeconds(60), (mutations, i) =>
        {
            var root = LocalNodeView.WriteRoot(Path.Combine(temp.Path, "root" + i));
            foreach (var m in mutations)
            {
                Apply(root, Targets[m.Target], m.Swap, m.Text, secret);
            }

            SeededFuzz.WithinBudget($"root case {i} ({string.Join(", ", mutations.Select(m => $"{Targets[m.Target]}={m.Swap}"))})", () =>
            {
                string shown;
                try
                {
                    var report = NodeDoctor.RunAsync(Request(), new RootDirectoryReader(root), CancellationToken.None).GetAwaiter().GetResult();
                    var w = new StringWriter();
                    DoctorTextWriter.Write(report, w);
                    shown = w.ToString() + DoctorJsonWriter.ToJson(report);
                }
                catch (NodeInspectionException e)
                {
                    shown = e.Message;
                }

                Assert.DoesNotContain(OutsideSecret, shown);
            });
            Directory.Delete(root, recursive: true);
        }, describe: m => string.Join(", ", m.Select(x => $"{Targets[x.Target]}={x.Swap}")));

        Assert.True(ran >= 20, $"only {ran} cases ran within the time limit");
    }

    private static void Apply(string root, string target, Swap swap, string text, string secret)
    {
        var path = Path.Combine(root, target);
        if (Directory.Exists(path) && new FileInfo(path).LinkTarget is null)
        {
            Directory.Delete(path, recursive: true);
        }
        else if (File.Exists(path) || new FileInfo(path).LinkTarget is not null)
        {
            File.Delete(path);
        }

        for (var parent = Path.GetDirectoryName(path); parent is not null && parent.Length > root.Length; parent = Path.GetDirectoryName(parent))
        {
            if (File.Exists(parent) || new FileInfo(parent).LinkTarget is not null)
            {
                return; // an earlier mutation made a parent a file or a link: nothing to put under it
            }
        }

        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var depth = target.Count(c => c == '/');
        switch (swap)
        {
            case Swap.Text:
                File.WriteAllText(path, text);
                break;
            case Swap.Bytes:
                File.WriteAllBytes(path, System.Text.Encoding.UTF8.GetBytes(text).Reverse().ToArray());
                break;
            case Swap.Empty:
                File.WriteAllText(path, "");
                break;
            case Swap.LinkOutAbsolute:
                File.CreateSymbolicLink(path, secret);
                break;
            case Swap.LinkOutDotDot:
                File.CreateSymbolicLink(path, string.Concat(Enumerable.Repeat("../", depth + 1)) + "secret");
                break;
            case Swap.LinkInside:
                File.CreateSymbolicLink(path, "/etc/hosts");
                break;
            case Swap.LinkLoop:
                File.CreateSymbolicLink(path, Path.GetFileName(path));
                break;
            case Swap.LinkDangling:
                File.CreateSymbolicLink(path, "nowhere/at/all");
                break;
            case Swap.LinkToDevZero:
                File.CreateSymbolicLink(path, "/dev/zero");
                break;
            case Swap.Fifo:
                ExternalProcess.RunAsync("mkfifo", [path]).GetAwaiter().GetResult().EnsureSuccess("mkfifo");
                break;
            case Swap.CharacterDevice when Environment.UserName == "root":
                ExternalProcess.RunAsync("mknod", [path, "c", "1", "5"]).GetAwaiter().GetResult().EnsureSuccess("mknod");
                break;
            case Swap.CharacterDevice:
                ExternalProcess.RunAsync("mkfifo", [path]).GetAwaiter().GetResult().EnsureSuccess("mkfifo"); // no mknod without root
                break;
            case Swap.Huge:
                using (var f = File.Open(path, FileMode.Create))
                {
                    f.SetLength(50L << 20); // sparse
                }

                break;
            case Swap.Folder:
                Directory.CreateDirectory(Path.Combine(path, "hosts.toml"));
                break;
        }
    }
}
