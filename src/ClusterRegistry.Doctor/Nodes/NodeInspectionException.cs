namespace ClusterRegistry.Doctor.Nodes;

/// <summary>The node could not be inspected at all (exit code 2): the message says what is missing and how to fix it.</summary>
public sealed class NodeInspectionException(string message, Exception? inner = null) : Exception(message, inner);
