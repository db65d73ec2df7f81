using System.Runtime.CompilerServices;

[assembly: InternalsVisibleTo("ClusterRegistry.Analyzers.Tests")]
[assembly: InternalsVisibleTo("ClusterRegistry.CodeFixes")]
