namespace ClusterRegistry.Probe.Failures;

/// <summary>A classified pull failure. The message is one line meant for an operator and never contains a secret.</summary>
public sealed class ProbeFailureException : Exception
{
    public ProbeFailureException(FailureClass failureClass, string message, Exception? inner = null)
        : base(message, inner)
    {
        Class = failureClass;
    }

    public FailureClass Class { get; }
}
