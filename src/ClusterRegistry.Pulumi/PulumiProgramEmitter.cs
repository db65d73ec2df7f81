using ClusterRegistry.Pulumi.Emitters;
using ClusterRegistry.Pulumi.Program;
using ClusterRegistry.Pulumi.Sources;

namespace ClusterRegistry.Pulumi;

/// <summary>
/// Model → Pulumi YAML program (JSON), for the YAML runtime's <c>compiler</c> option (pulumi/pulumi-yaml
/// pkg/pulumiyaml/run.go <c>LoadFromCompiler</c>). Pure and deterministic: the same stack gives byte-identical output.
/// </summary>
public sealed class PulumiProgramEmitter
{
    private readonly IManifestSource manifests;
    private readonly ProgramOptions options;

    public PulumiProgramEmitter(IManifestSource? manifests = null, ProgramOptions? options = null)
    {
        this.manifests = manifests ?? ManifestSources.Default;
        this.options = options ?? ProgramOptions.Default;
    }

    public PulumiProgram Emit(Stack stack)
    {
        ArgumentNullException.ThrowIfNull(stack);
        // Malformed values fail here with a StackDefinitionException naming resource, property and value (exit 2).
        Validation.StackValidator.Validate(stack);
        var program = new PulumiProgram(stack.Name);
        var ctx = new EmitContext(stack, program, manifests, options);
        NamespaceEmitter.Emit(ctx);
        ChartEmitter.Emit(ctx);
        HarborApiEmitter.Emit(ctx);
        TalosEmitter.Emit(ctx);
        // Last: it depends on, and hashes, everything above.
        ProbeEmitter.Emit(ctx);
        return program;
    }

    /// <summary>
    /// The program Pulumi gets when it calls the compiler without <c>PULUMI_STACK</c> (GetRequiredPlugins): one
    /// <c>pulumi:providers:&lt;pkg&gt;</c> per package any stack uses, with the same pinned versions and download URLs
    /// (pulumi-yaml's <c>GetReferencedPlugins</c> reads only types and options). Pulumi only reads its package list; were
    /// it ever run, it would create nothing but provider instances.
    /// </summary>
    public PulumiProgram EmitPackageListing(IEnumerable<Stack> stacks)
    {
        var packages = new SortedDictionary<string, PulumiPackage>(StringComparer.Ordinal);
        foreach (var stack in stacks)
        {
            foreach (var r in Emit(stack).Resources)
            {
                if (PulumiPackages.ForType(r.Type) is { } p)
                {
                    packages.TryAdd(p.Name, p);
                }
            }
        }

        var listing = new PulumiProgram(null);
        foreach (var (name, _) in packages)
        {
            listing.Add(PulumiPackages.Pin(new ProgramResource("package-" + name, "pulumi:providers:" + name)));
        }

        return listing;
    }
}
