namespace ClusterRegistry.Rules.Topology;

/// <summary>An <c>ExistingSecret</c>: a Kubernetes Secret that something else manages, with the keys the stack says it carries.</summary>
public sealed class ExistingSecretInfo : ResourceInfo
{
    public override string Kind => "ExistingSecret";

    public Val<string> Namespace { get; set; } = "";

    /// <summary>The <c>SecretName</c> argument (null: the resource name).</summary>
    public Val<string?> SecretName { get; set; } = Val<string?>.Known(null);

    /// <summary>The <c>Keys</c> list; empty means the keys are not known.</summary>
    public ValList<Val<string>> Keys { get; set; } = new();

    /// <summary>The Secret's <c>metadata.name</c>.</summary>
    public Val<string> EffectiveSecretName
    {
        get
        {
            if (!SecretName.IsKnown)
            {
                return Val<string>.Unknown(SecretName.Location);
            }

            return SecretName.Value is { } n ? Val<string>.Known(n, SecretName.Location) : Name;
        }
    }

    /// <summary>Whether the Secret carries <paramref name="key"/>: null when its keys are not (all) known.</summary>
    public bool? HasKey(string key)
    {
        if (Keys.Count == 0 || Keys.HasUnknownEntries)
        {
            return null;
        }

        var unknown = false;
        foreach (var k in Keys)
        {
            if (!k.TryGet(out var text))
            {
                unknown = true;
                continue;
            }

            if (text == key)
            {
                return true;
            }
        }

        return unknown ? null : false;
    }
}
