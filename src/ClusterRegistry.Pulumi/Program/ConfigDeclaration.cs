namespace ClusterRegistry.Pulumi.Program;

/// <summary>One entry of the program's <c>config</c> block (a project config key, <c>&lt;project&gt;:&lt;key&gt;</c> in stack files).</summary>
public sealed record ConfigDeclaration(string Key, string Type, bool Secret, string? Default, string Description);
