namespace ClusterRegistry.Cli;

/// <summary>Wrong command-line usage found while a verb runs (an unknown stack, an unset variable); exit code 2.</summary>
public sealed class UsageException(string message) : Exception(message);
