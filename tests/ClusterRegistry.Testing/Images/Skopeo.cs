using ClusterRegistry.Testing.Processes;

namespace ClusterRegistry.Testing.Images;

/// <summary>Pushes OCI layouts to a registry with the real <c>skopeo</c> (plain HTTP on loopback).</summary>
public static class Skopeo
{
    public const string Binary = "/usr/bin/skopeo";

    /// <summary><c>skopeo copy --all oci:LAYOUT:TAG docker://DEST</c>; <paramref name="username"/> for registries with auth.</summary>
    public static async Task PushAsync(string layoutDirectory, string tag, string destination, string? username = null, string? password = null)
    {
        var args = new List<string> { "--insecure-policy", "copy", "--all", "--quiet", "--dest-tls-verify=false" };
        if (username is not null)
        {
            args.Add("--dest-creds");
            args.Add($"{username}:{password}");
        }

        args.Add($"oci:{layoutDirectory}:{tag}");
        args.Add("docker://" + destination);
        var outcome = await ExternalProcess.RunAsync(Binary, args, TimeSpan.FromMinutes(3), environment: new Dictionary<string, string>
        {
            ["HOME"] = layoutDirectory, // keep skopeo's auth/config lookups away from the user's
            ["http_proxy"] = "",
            ["https_proxy"] = "",
            ["HTTP_PROXY"] = "",
            ["HTTPS_PROXY"] = "",
        });
        if (outcome.ExitCode != 0)
        {
            throw new InvalidOperationException($"skopeo copy to {destination} failed: {outcome.StandardError.Trim()}");
        }
    }
}
