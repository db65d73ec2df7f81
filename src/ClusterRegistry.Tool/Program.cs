using ClusterRegistry;
using ClusterRegistry.Cli;

// The standalone tool: the verbs that work without a stack (probe, and doctor against a synthesized node view)
// for nodes and Kubernetes Jobs.
return await CliApp.RunAsync(args, new StackCatalog());
