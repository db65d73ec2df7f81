using ClusterRegistry.Cli;

namespace ClusterRegistry.Tool.Native;

/// <summary>A verb the native binary does not carry: says so in one line and exits 2 (<see cref="ExitCodes.BadInput"/>).</summary>
internal sealed class UnavailableVerb(string name) : IVerb
{
    public string Name => name;

    public string Summary => "not in the native binary (needs a stack: run the stacks program)";

    public Task<int> RunAsync(VerbContext context)
    {
        context.Error.WriteLine(
            $"error: '{name}' is not available in the native clusterregistry binary, which carries only 'probe'; " +
            $"run it from the stacks program (e.g. ./artifacts/stacks/stacks {name} --stack NAME)");
        return Task.FromResult(ExitCodes.BadInput);
    }
}
