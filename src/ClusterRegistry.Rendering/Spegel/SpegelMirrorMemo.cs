namespace ClusterRegistry.Rendering.Spegel;

/// <summary>
/// Results of <see cref="SpegelMirrorWriter"/>'s pure helpers (a registry's directory and server line, the re-encoded
/// host tables of a backed-up hosts.toml), shared across the nodes of one rendering: every node repeats them with
/// the same inputs. Not thread-safe; use one per rendering.
/// </summary>
public sealed class SpegelMirrorMemo
{
    internal Dictionary<string, string> Reencoded { get; } = new(StringComparer.Ordinal);

    internal Dictionary<string, (string Directory, string? Server)> Targets { get; } = new(StringComparer.Ordinal);
}
