namespace ClusterRegistry.Doctor.Checks;

/// <summary>
/// One problem on a node: the rule (<c>CRG5xx</c>, docs/rules/CRG5xx.md), what it concerns
/// (<c>hosts/192.168.1.105</c>), what doctor saw, why that breaks pulls, and the fix. Never holds a credential.
/// </summary>
public sealed record NodeFinding(string Id, string Subject, string Seen, string Why, string Fix);
