using ClusterRegistry;
using ClusterRegistry.Cli;
#if !NATIVE_AOT
using ClusterRegistry.Probe.Kubernetes;
using ClusterRegistry.Probe.Optional;
using ClusterRegistry.Probe.Reports;
#endif

// The standalone tool: the verbs that work without a stack (probe, and doctor against a synthesized node view)
// for nodes and Kubernetes Jobs. The Native AOT build (build-native.sh) runs only the trim-safe verbs: see Native/.
#if NATIVE_AOT
return await CliApp.RunAsync(args, new StackCatalog(), ClusterRegistry.Tool.Native.NativeVerbs.All);
#else
// The JIT build carries the optional probe packages a stacks program leaves out: the Kubernetes Job path
// (KubernetesClient) and the plots (ScottPlot), registered here explicitly (no lookup by name needed).
OptionalPackages.Use(new KubernetesProbePath());
OptionalPackages.Use(new LatencyReportWriter());
return await CliApp.RunAsync(args, new StackCatalog());
#endif
