namespace ClusterRegistry.Probe.Oci;

/// <summary>Receives transfer progress of a pull (used for the terminal progress bar and by tests to inject faults).</summary>
public interface IPullProgress
{
    /// <summary>A blob transfer starts (its size as declared by the manifest, -1 when unknown).</summary>
    void BlobStarted(Descriptor blob);

    /// <summary>Bytes of <paramref name="digest"/> arrived and were hashed; <paramref name="received"/> is the running total.</summary>
    void BlobProgress(string digest, long received);

    /// <summary>The blob is complete and verified.</summary>
    void BlobCompleted(string digest);
}
