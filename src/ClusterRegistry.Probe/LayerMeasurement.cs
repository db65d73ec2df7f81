namespace ClusterRegistry.Probe;

/// <summary>One blob of a pull (the config or a layer) as measured.</summary>
public sealed class LayerMeasurement
{
    public required string Digest { get; init; }

    public required string MediaType { get; init; }

    /// <summary><c>config</c> or <c>layer</c>.</summary>
    public required string Kind { get; init; }

    /// <summary>Bytes received and verified.</summary>
    public long Bytes { get; init; }

    /// <summary>From sending the request to the first body byte.</summary>
    public double TtfbMs { get; init; }

    /// <summary>From sending the request to the last byte verified.</summary>
    public double DurationMs { get; init; }

    /// <summary>Start of the request, relative to the start of the pull.</summary>
    public double StartMs { get; init; }

    /// <summary>Bytes ÷ duration, in MB/s (10^6 bytes).</summary>
    public double ThroughputMBps => DurationMs > 0 ? Bytes / 1e6 / (DurationMs / 1000.0) : 0;
}
