namespace ClusterRegistry.Rules.Topology;

/// <summary>Base of every resource in the snapshot: its kind (the SDK class name), its name and where it is declared.</summary>
public abstract class ResourceInfo
{
    /// <summary>The SDK class name, e.g. <c>TalosMachinePatch</c>; used in messages.</summary>
    public abstract string Kind { get; }

    /// <summary>The resource name (first constructor argument).</summary>
    public Val<string> Name { get; set; } = Val<string>.Unknown();

    /// <summary>
    /// Created on some paths only (inside a branch, a helper method, or one of several alternative constructors): the
    /// analyzer cannot say it exists. Always false for a built stack (<c>check</c>), whose resources all exist.
    /// </summary>
    public bool MayNotExist { get; set; }

    /// <summary>
    /// Created by a field or property initialiser or a static constructor of the stack class, which run before the
    /// stack's constructor: the model refuses it (<c>check</c> exits 2). Only the analyzer sees such a resource.
    /// </summary>
    public bool CreatedOutsideConstructor { get; set; }

    /// <summary>Where the resource is created (the <c>new</c> expression); the fallback location of its findings.</summary>
    public object? Location { get; set; }

    /// <summary>
    /// The null entries of the resource's lists, as property paths with the index the user wrote (<c>Files[1]</c>,
    /// <c>ExtraHostEntries[0].Aliases[2]</c>), located on the entry: CRG001 refuses them, and no other rule judges them.
    /// A null object (<c>Files</c>, <c>ExtraHostEntries</c>, <c>CriCustomizations</c>, <c>Permissions</c>) is left out of
    /// its list, and the entries after it keep their own index (their <c>Index</c>); a null string stays in its list as
    /// an unknown value, so the indexes do not move.
    /// </summary>
    public ValList<Val<string>> NullEntries { get; set; } = new();

    /// <summary><c>Kind 'name'</c>, or <c>Kind &lt;unknown name&gt;</c>.</summary>
    public string Label => Name.IsKnown ? Kind + " '" + Name.Value + "'" : Kind + " <unknown name>";

    public override string ToString() => Label;
}
