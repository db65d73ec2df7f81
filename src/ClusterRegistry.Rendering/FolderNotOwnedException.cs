namespace ClusterRegistry.Rendering;

/// <summary>
/// A non-empty folder that <see cref="FileTreeWriter"/> did not write (it lacks <see cref="FileTreeWriter.OwnershipMarker"/>):
/// replacing it would delete someone's files, so it is refused.
/// </summary>
public sealed class FolderNotOwnedException(string folder)
    : IOException($"{folder} is a non-empty folder that synth did not write (it has no {FileTreeWriter.OwnershipMarker}); synth replaces its output folder as a whole and will not delete files it did not write")
{
    public string Folder { get; } = folder;
}
