using ClusterRegistry.Cli;
using ClusterRegistry.Testing;
using ClusterRegistry.Testing.Processes;
using Stacks;

namespace ClusterRegistry.Doctor.Tests;

/// <summary>
/// doctor runs on copies of node roots that other people hand over: it must stay inside <c>--root</c> (links out of it are
/// refused, never followed), read only regular files of bounded size, never hang on a FIFO, never echo a file's content,
/// and fail with exit 2 naming the path for anything it cannot inspect.
/// </summary>
public sealed class HostileRootTests
{
    private const string Secret = "root:$6$SHADOWHASHdoNotLeak$abcdef:19700:0:99999:7:::";
    private const string HostsToml = "etc/cri/conf.d/hosts/docker.io/hosts.toml";

    private static async Task<(int Exit, string Out, string Err)> DoctorAsync(string root)
    {
        var o = new StringWriter();
        var e = new StringWriter();
        // A hang is a failure, not a stuck test run.
        var exit = await Task.Run(() => CliApp.RunAsync(["doctor", "--stack", "local", "--node", "127.0.0.1", "--root", root], StackDirectory.Catalog, o, e))
            .WaitAsync(TimeSpan.FromSeconds(60));
        return (exit, o.ToString(), e.ToString());
    }

    private static string Root(TempDir tmp) => DoctorVerbTests.WriteRenderedRoot("local", "127.0.0.1", tmp.Combine("root"));

    private static string SecretFile(TempDir tmp)
    {
        var path = tmp.Combine("shadow");
        File.WriteAllText(path, Secret + "\n");
        return path;
    }

    private static void Replace(string path, Action<string> create)
    {
        File.Delete(path);
        create(path);
    }

    [Fact]
    public async Task HostsTomlLinkedToAnAbsolutePathOutsideTheRootIsRefusedAndNotRead()
    {
        using var tmp = new TempDir("doctor-hostile");
        var root = Root(tmp);
        var secret = SecretFile(tmp);
        Replace(Path.Combine(root, HostsToml), p => File.CreateSymbolicLink(p, secret));

        var (exit, output, err) = await DoctorAsync(root);

        Assert.Equal(ExitCodes.BadInput, exit);
        Assert.Contains(Path.Combine(root, HostsToml), err);
        Assert.Contains("outside the node root", err);
        Assert.DoesNotContain("SHADOWHASH", output + err);
        Assert.Single(err.Trim().Split('\n'));
    }

    [Fact]
    public async Task HostsTomlLinkedOutOfTheRootThroughDotDotIsRefused()
    {
        using var tmp = new TempDir("doctor-hostile");
        var root = Root(tmp);
        SecretFile(tmp);
        // root/etc/cri/conf.d/hosts/docker.io/hosts.toml -> ../../../../../../shadow = tmp/shadow
        Replace(Path.Combine(root, HostsToml), p => File.CreateSymbolicLink(p, "../../../../../../shadow"));

        var (exit, output, err) = await DoctorAsync(root);

        Assert.Equal(ExitCodes.BadInput, exit);
        Assert.Contains("outside the node root", err);
        Assert.DoesNotContain("SHADOWHASH", output + err);
    }

    [Fact]
    public async Task ADirectoryLinkedOutOfTheRootIsRefused()
    {
        using var tmp = new TempDir("doctor-hostile");
        var root = Root(tmp);
        var elsewhere = tmp.Combine("elsewhere");
        Directory.CreateDirectory(Path.Combine(elsewhere, "docker.io"));
        File.WriteAllText(Path.Combine(elsewhere, "docker.io", "hosts.toml"), Secret);
        var hosts = Path.Combine(root, "etc/cri/conf.d/hosts");
        Directory.Delete(hosts, recursive: true);
        Directory.CreateSymbolicLink(hosts, elsewhere);

        var (exit, output, err) = await DoctorAsync(root);

        Assert.Equal(ExitCodes.BadInput, exit);
        Assert.Contains(hosts, err);
        Assert.DoesNotContain("SHADOWHASH", output + err);
    }

    [Fact]
    public async Task ALinkThatStaysInsideTheRootIsFollowedLikeOnTheNode()
    {
        using var tmp = new TempDir("doctor-hostile");
        var root = Root(tmp);
        var real = Path.Combine(root, "etc/hosts.real");
        File.Move(Path.Combine(root, "etc/hosts"), real);
        File.CreateSymbolicLink(Path.Combine(root, "etc/hosts"), "hosts.real");
        // An absolute link is read as the node reads it: from the root, like a chroot.
        var toml = Path.Combine(root, HostsToml);
        File.Move(toml, toml + ".real");
        File.CreateSymbolicLink(toml, "/" + HostsToml + ".real");

        var (exit, output, err) = await DoctorAsync(root);

        Assert.True(exit == ExitCodes.Ok, output + err);
    }

    [Fact]
    public async Task AnUnparsableFileIsAFindingThatDoesNotEchoItsContent()
    {
        using var tmp = new TempDir("doctor-hostile");
        var root = Root(tmp);
        File.WriteAllText(Path.Combine(root, HostsToml), Secret + "\n");
        File.WriteAllText(Path.Combine(root, "etc/cri/conf.d/cri.toml"), "password = " + Secret + "\n");

        var (exit, output, err) = await DoctorAsync(root);

        Assert.Equal(ExitCodes.Findings, exit);
        Assert.Contains("does not parse", output);
        Assert.Contains("line 1", output);
        Assert.DoesNotContain("SHADOWHASH", output + err);
        Assert.DoesNotContain("$6$", output + err);
    }

    [Fact]
    public async Task AFifoAtEtcHostsIsRefusedWithoutHanging()
    {
        using var tmp = new TempDir("doctor-hostile");
        var root = Root(tmp);
        var etcHosts = Path.Combine(root, "etc/hosts");
        Replace(etcHosts, p => ExternalProcess.RunAsync("mkfifo", [p]).Result.EnsureSuccess("mkfifo"));

        var (exit, _, err) = await DoctorAsync(root);

        Assert.Equal(ExitCodes.BadInput, exit);
        Assert.Contains(etcHosts, err);
        Assert.Contains("not a regular file", err);
    }

    [Fact]
    public async Task ALinkToDevZeroIsRefused()
    {
        using var tmp = new TempDir("doctor-hostile");
        var root = Root(tmp);
        var etcHosts = Path.Combine(root, "etc/hosts");
        Replace(etcHosts, p => File.CreateSymbolicLink(p, "/dev/zero"));

        var (exit, _, err) = await DoctorAsync(root);

        Assert.Equal(ExitCodes.BadInput, exit);
        Assert.Contains(etcHosts, err);
    }

    [RootFact]
    public async Task ACharacterDeviceInsideTheRootIsRefused()
    {
        using var tmp = new TempDir("doctor-hostile");
        var root = Root(tmp);
        var etcHosts = Path.Combine(root, "etc/hosts");
        // The same device as /dev/zero, made inside the root: no link to refuse, only the file type.
        Replace(etcHosts, p => ExternalProcess.RunAsync("mknod", [p, "c", "1", "5"]).Result.EnsureSuccess("mknod"));

        var (exit, _, err) = await DoctorAsync(root);

        Assert.Equal(ExitCodes.BadInput, exit);
        Assert.Contains(etcHosts, err);
        Assert.Contains("not a regular file", err);
    }

    [Fact]
    public async Task AFileOverOneMebibyteIsRefusedBeforeItIsRead()
    {
        using var tmp = new TempDir("doctor-hostile");
        var root = Root(tmp);
        var toml = Path.Combine(root, HostsToml);
        using (var f = File.Open(toml, FileMode.Create))
        {
            f.SetLength(50L << 20); // sparse: 50 MB on paper, nothing on disk
        }

        var before = GC.GetTotalAllocatedBytes(precise: true);
        var (exit, _, err) = await DoctorAsync(root);
        var allocated = GC.GetTotalAllocatedBytes(precise: true) - before;

        Assert.Equal(ExitCodes.BadInput, exit);
        Assert.Contains(toml, err);
        Assert.Contains("1 MiB", err);
        Assert.True(allocated < 40L << 20, $"allocated {allocated} bytes for a refused 50 MB file");
    }

    [Fact]
    public async Task ASymlinkLoopIsExitTwoNamingThePath()
    {
        using var tmp = new TempDir("doctor-hostile");
        var root = Root(tmp);
        var dir = Path.Combine(root, "etc/cri/conf.d/hosts/docker.io");
        Directory.Delete(dir, recursive: true);
        Directory.CreateSymbolicLink(dir, "loop.a");
        Directory.CreateSymbolicLink(Path.Combine(root, "etc/cri/conf.d/hosts/loop.a"), "docker.io");

        var (exit, _, err) = await DoctorAsync(root);

        Assert.Equal(ExitCodes.BadInput, exit);
        Assert.Contains("docker.io", err);
        Assert.Contains("loop", err);
        Assert.Single(err.Trim().Split('\n'));
    }

    [Fact]
    public async Task AnEmptyRootArgumentIsExitTwoNamingIt()
    {
        var (exit, _, err) = await DoctorAsync("");

        Assert.Equal(ExitCodes.BadInput, exit);
        Assert.Contains("--root", err);
        Assert.Contains("''", err);
    }

    /// <summary>
    /// Tests run as root, where permission bits do not stop reads. The doctor runs here as its own process under
    /// <c>setpriv</c> with CAP_DAC_OVERRIDE and CAP_DAC_READ_SEARCH removed from the bounding set: still uid 0, but the
    /// kernel now applies the mode bits, so a <c>chmod 000</c> folder really cannot be read.
    /// </summary>
    [SetprivFact]
    public async Task AnUnreadableHostsDirIsExitTwoNamingThePathNotMissing()
    {
        using var tmp = new TempDir("doctor-hostile");
        var root = Root(tmp);
        var dir = Path.Combine(root, "etc/cri/conf.d/hosts/docker.io");
        File.SetUnixFileMode(dir, UnixFileMode.None);
        try
        {
            var run = await ExternalProcess.RunAsync("setpriv",
                ["--bounding-set=-dac_override,-dac_read_search", "--inh-caps=-dac_override,-dac_read_search", StacksProgram.DotnetHost, StacksProgram.Dll,
                 "doctor", "--stack", "local", "--node", "127.0.0.1", "--root", root],
                TimeSpan.FromMinutes(2));

            Assert.True(run.ExitCode == ExitCodes.BadInput, run.StandardOutput + run.StandardError);
            Assert.Contains(dir, run.StandardError);
            Assert.Contains("permission denied", run.StandardError);
            Assert.DoesNotContain("CRG501", run.StandardOutput + run.StandardError);
        }
        finally
        {
            File.SetUnixFileMode(dir, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
    }
}

/// <summary>A fact that needs root (mknod); skipped, saying so, elsewhere.</summary>
public sealed class RootFactAttribute : FactAttribute
{
    public RootFactAttribute()
    {
        if (Environment.UserName != "root")
        {
            Skip = "needs root to create a device node with mknod";
        }
    }
}

/// <summary>A fact that drops capabilities with util-linux's setpriv; skipped, saying why, where that cannot run.</summary>
public sealed class SetprivFactAttribute : FactAttribute
{
    public SetprivFactAttribute()
    {
        if (Environment.UserName != "root")
        {
            Skip = "needs root: the test removes CAP_DAC_OVERRIDE from a root process to make permission bits apply";
        }
        else if (!File.Exists("/usr/bin/setpriv") && !File.Exists("/bin/setpriv"))
        {
            Skip = "setpriv (util-linux) is not installed";
        }
    }
}
