namespace ClusterRegistry.Probe.Oci;

/// <summary>An OCI content descriptor (only the fields a pull needs).</summary>
public sealed record Descriptor(string MediaType, string Digest, long Size, string? Os = null, string? Architecture = null, string? Variant = null);
