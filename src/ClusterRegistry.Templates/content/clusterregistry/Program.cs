using ClusterRegistry;
using ClusterRegistry.Cli;
using MyCluster.Stacks;

//#if (!environmentsValid)
#error --environments takes a comma-separated list of dev, test, lab, staging, prod (regenerate, or add a Stack class by hand)
//#endif
// Every verb runs through here, one stack per environment:
//   dotnet run -- check --stack FIRST_ENVIRONMENT
//   dotnet run -- synth --stack FIRST_ENVIRONMENT --target all --out out/FIRST_ENVIRONMENT
//   dotnet run -- diff --stack FIRST_ENVIRONMENT --base origin/main
// `dotnet run -- help` lists the verbs.
return await CliApp.RunAsync(args, new StackCatalog()
//#if (hasDev)
    .Add("dev", () => new DevStack())
//#endif
//#if (hasTest)
    .Add("test", () => new TestStack())
//#endif
//#if (hasLab)
    .Add("lab", () => new LabStack())
//#endif
//#if (hasStaging)
    .Add("staging", () => new StagingStack())
//#endif
//#if (hasProd)
    .Add("prod", () => new ProdStack())
//#endif
    );
