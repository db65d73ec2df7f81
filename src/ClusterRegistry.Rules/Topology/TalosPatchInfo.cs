using System.Collections.Generic;
using ClusterRegistry.Rules.Values;

namespace ClusterRegistry.Rules.Topology;

/// <summary>A <c>TalosMachinePatch</c>; properties start at the <c>TalosMachinePatchArgs</c> defaults.</summary>
public sealed class TalosPatchInfo : ResourceInfo
{
    public override string Kind => "TalosMachinePatch";

    /// <summary><c>TalosVersion</c>, e.g. <c>v1.11</c>.</summary>
    public Val<string> TalosVersion { get; set; } = "v1.11";

    public ValList<Val<string>> Nodes { get; set; } = new();

    /// <summary><c>Mirrors</c>, one element per dictionary entry.</summary>
    public ValList<MirrorInfo> Mirrors { get; set; } = new();

    /// <summary><c>RegistryConfig</c>, one element per dictionary entry.</summary>
    public ValList<RegistryConfigInfo> RegistryConfigs { get; set; } = new();

    /// <summary><c>ExtraHostEntries</c> (rendered as <c>extraHostEntries</c> or <c>StaticHostConfig</c>).</summary>
    public ValList<HostEntryInfo> HostEntries { get; set; } = new();

    /// <summary><c>Files</c> (<c>machine.files</c>).</summary>
    public ValList<TalosFileInfo> Files { get; set; } = new();

    public ValList<CriCustomizationInfo> CriCustomizations { get; set; } = new();

    /// <summary>
    /// True when this patch is rendered in the legacy <c>machine.registries</c>/<c>extraHostEntries</c> form whatever its
    /// version. The SDK's renderer never does (it switches at v1.12), so builders leave the default false; kept for
    /// configurations imported from hand-written patches.
    /// </summary>
    public Val<bool> RendersLegacyRegistryFields { get; set; } = false;

    /// <summary>
    /// True when the stack explicitly keeps the legacy <c>machine.registries</c> form (<c>RegistryConfigForm = Legacy</c>):
    /// Talos honours it on every version without a warning, so it is a choice, not a finding (CRG210 stays silent).
    /// </summary>
    public Val<bool> LegacyRegistryFormChosen { get; set; } = false;

    /// <summary>
    /// True when the stack explicitly asks for the v1.12 documents (<c>RegistryConfigForm = Documents</c>), or a repository's
    /// patches contain a <c>RegistryMirrorConfig</c>/<c>RegistryAuthConfig</c>/<c>RegistryTLSConfig</c> document (located on
    /// the first one's <c>kind</c>), whatever its version (CRG215).
    /// </summary>
    public Val<bool> DocumentsFormChosen { get; set; } = false;

    /// <summary>
    /// The other document kinds a repository's patches contain (<c>StaticHostConfig</c>, <c>EtcFileConfig</c>,
    /// <c>CRICustomizationConfig</c>), each once, located on its first <c>kind</c>, in reading order; empty for a stack,
    /// whose renderer picks the form by version (CRG215).
    /// </summary>
    public List<KeyValuePair<string, object?>> DocumentKinds { get; } = new();

    /// <summary>The parsed version; unknown when the text is unknown or malformed.</summary>
    public Val<TalosVersionValue> ParsedVersion =>
        TalosVersion.IsKnown && TalosVersionValue.TryParse(TalosVersion.Value, out var v)
            ? Val<TalosVersionValue>.Known(v, TalosVersion.Location)
            : Val<TalosVersionValue>.Unknown(TalosVersion.Location);
}

/// <summary>One <c>Mirrors</c> entry: key (registry host as in image references) and its endpoints.</summary>
public sealed class MirrorInfo
{
    public Val<string> Key { get; set; } = Val<string>.Unknown();

    public ValList<Val<string>> Endpoints { get; set; } = new();

    public Val<bool?> OverridePath { get; set; } = Val<bool?>.Known(null);

    public Val<bool?> SkipFallback { get; set; } = Val<bool?>.Known(null);

    /// <summary>True when the entry's value is <c>null</c> (<c>["key"] = null</c>): the model refuses it.</summary>
    public bool IsNull { get; set; }

    /// <summary>Where the entry is written (the <c>["key"] = new TalosMirror {...}</c> initializer).</summary>
    public object? Location { get; set; }
}

/// <summary>One <c>RegistryConfig</c> entry: key (endpoint host[:port]) with auth and TLS.</summary>
public sealed class RegistryConfigInfo
{
    public Val<string> Key { get; set; } = Val<string>.Unknown();

    /// <summary>The auth (may be shared between entries: the same <see cref="AuthInfo"/> instance).</summary>
    public Val<AuthInfo?> Auth { get; set; } = Val<AuthInfo?>.Known(null);

    public Val<TlsInfo?> Tls { get; set; } = Val<TlsInfo?>.Known(null);

    /// <summary>True when the entry's value is <c>null</c> (<c>["host"] = null</c>): the model refuses it.</summary>
    public bool IsNull { get; set; }

    public object? Location { get; set; }
}

/// <summary><c>TalosRegistryAuth</c>.</summary>
public sealed class AuthInfo
{
    /// <summary>The <c>Username</c> as a value (a literal, or computed from <see cref="UsernameRobot"/>).</summary>
    public Val<string?> Username { get; set; } = Val<string?>.Known(null);

    /// <summary>When the username is <c>robot.FullName</c>: that robot (symbolic reference).</summary>
    public RobotInfo? UsernameRobot { get; set; }

    public Val<string?> UsernameVariable { get; set; } = Val<string?>.Known(null);

    public Val<SecretInfo?> Password { get; set; } = Val<SecretInfo?>.Known(null);

    /// <summary>The raw <c>auth</c> string secret.</summary>
    public Val<SecretInfo?> AuthString { get; set; } = Val<SecretInfo?>.Known(null);

    public Val<SecretInfo?> IdentityToken { get; set; } = Val<SecretInfo?>.Known(null);

    public object? Location { get; set; }

    /// <summary>True when known to carry credentials, false when known not to, null when unknown.</summary>
    public bool? HasCredentials
    {
        get
        {
            var unknown = false;
            foreach (var s in new[] { Password, AuthString, IdentityToken })
            {
                if (!s.IsKnown)
                {
                    unknown = true;
                }
                else if (s.Value is not null)
                {
                    return true;
                }
            }

            return unknown ? null : false;
        }
    }
}

/// <summary><c>TalosRegistryTls</c>.</summary>
public sealed class TlsInfo
{
    public Val<bool?> InsecureSkipVerify { get; set; } = Val<bool?>.Known(null);

    public Val<string?> Ca { get; set; } = Val<string?>.Known(null);

    /// <summary><c>ClientCertificate</c> (PEM, not secret).</summary>
    public Val<string?> ClientCertificate { get; set; } = Val<string?>.Known(null);

    public Val<SecretInfo?> ClientKey { get; set; } = Val<SecretInfo?>.Known(null);

    public object? Location { get; set; }
}

/// <summary><c>TalosHostEntry</c>.</summary>
public sealed class HostEntryInfo
{
    /// <summary>
    /// The entry's index in the list the user wrote, when it differs from its position in the snapshot's list (a null
    /// entry before it is in <see cref="ResourceInfo.NullEntries"/>, not in the list); null: its position.
    /// </summary>
    public int? Index { get; set; }

    public Val<string> Ip { get; set; } = Val<string>.Unknown();

    public ValList<Val<string>> Aliases { get; set; } = new();

    public object? Location { get; set; }
}

/// <summary><c>TalosFile</c> (a <c>machine.files</c> entry).</summary>
public sealed class TalosFileInfo
{
    /// <summary>
    /// The entry's index in the list the user wrote, when it differs from its position in the snapshot's list (a null
    /// entry before it is in <see cref="ResourceInfo.NullEntries"/>, not in the list); null: its position.
    /// </summary>
    public int? Index { get; set; }

    /// <summary>The CRI customisation path Talos merges into cri.toml.</summary>
    public const string CriCustomizationPath = "/etc/cri/conf.d/20-customization.part";

    public Val<string> Path { get; set; } = "";

    public Val<string> Content { get; set; } = "";

    /// <summary><c>create</c>, <c>append</c> or <c>overwrite</c>.</summary>
    public Val<string> Op { get; set; } = "create";

    public object? Location { get; set; }
}

/// <summary><c>TalosCriCustomization</c>.</summary>
public sealed class CriCustomizationInfo
{
    /// <summary>
    /// The entry's index in the list the user wrote, when it differs from its position in the snapshot's list (a null
    /// entry before it is in <see cref="ResourceInfo.NullEntries"/>, not in the list); null: its position.
    /// </summary>
    public int? Index { get; set; }

    public Val<string> Name { get; set; } = "";

    public Val<string> Content { get; set; } = "";

    public object? Location { get; set; }

    /// <summary>The content of <c>TalosCriCustomization.SpegelKeepUnpackedLayers()</c>.</summary>
    public const string SpegelKeepUnpackedLayersContent = "[plugins.\"io.containerd.cri.v1.images\"]\n  discard_unpacked_layers = false\n";

    /// <summary><c>TalosCriCustomization.SpegelKeepUnpackedLayers()</c>.</summary>
    public static CriCustomizationInfo SpegelKeepUnpackedLayers(object? location = null) => new()
    {
        Name = "spegel",
        Content = SpegelKeepUnpackedLayersContent,
        Location = location,
    };
}
