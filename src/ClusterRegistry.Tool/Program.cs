using ClusterRegistry;
using ClusterRegistry.Cli;

// The standalone tool: the verbs that work without a stack (probe, and doctor against a synthesized node view)
// for nodes and Kubernetes Jobs. The Native AOT build (build-native.sh) runs only the trim-safe verbs: see Native/.
#if NATIVE_AOT
return await CliApp.RunAsync(args, new StackCatalog(), ClusterRegistry.Tool.Native.NativeVerbs.All);
#else
return await CliApp.RunAsync(args, new StackCatalog());
#endif
