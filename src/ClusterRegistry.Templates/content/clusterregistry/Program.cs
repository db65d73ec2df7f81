using ClusterRegistry;
using ClusterRegistry.Cli;
using MyCluster.Stacks;

//#if (hasInvalidEnvironments)
#error --environments "ENVIRONMENTS_VALUE": not an environment name: ENVIRONMENTS_INVALID (names are lowercase letters, digits and single hyphens, start with a letter, at most 63 characters); run dotnet new clusterregistry again
//#elseif (tooManyEnvironments)
#error --environments "ENVIRONMENTS_VALUE": more than 8 environments (the template's limit); run dotnet new clusterregistry again with 8 or fewer, then copy a Stack class and its Pulumi.<env>.yaml by hand
//#elseif (repeatedEnvironment)
#error --environments "ENVIRONMENTS_VALUE": an environment is named twice; run dotnet new clusterregistry again
//#endif
// Every verb runs through here, one stack per environment:
//   dotnet run -- check --stack FIRST_ENVIRONMENT
//   dotnet run -- synth --stack FIRST_ENVIRONMENT --target all --out out/FIRST_ENVIRONMENT
//   dotnet run -- diff --stack FIRST_ENVIRONMENT --base origin/main
// `dotnet run -- help` lists the verbs.
return await CliApp.RunAsync(args, new StackCatalog()
//#if (hasEnvironment1)
    .Add("ENVIRONMENT_1_NAME", () => new ENVIRONMENT_1_CLASSStack())
//#endif
//#if (hasEnvironment2)
    .Add("ENVIRONMENT_2_NAME", () => new ENVIRONMENT_2_CLASSStack())
//#endif
//#if (hasEnvironment3)
    .Add("ENVIRONMENT_3_NAME", () => new ENVIRONMENT_3_CLASSStack())
//#endif
//#if (hasEnvironment4)
    .Add("ENVIRONMENT_4_NAME", () => new ENVIRONMENT_4_CLASSStack())
//#endif
//#if (hasEnvironment5)
    .Add("ENVIRONMENT_5_NAME", () => new ENVIRONMENT_5_CLASSStack())
//#endif
//#if (hasEnvironment6)
    .Add("ENVIRONMENT_6_NAME", () => new ENVIRONMENT_6_CLASSStack())
//#endif
//#if (hasEnvironment7)
    .Add("ENVIRONMENT_7_NAME", () => new ENVIRONMENT_7_CLASSStack())
//#endif
//#if (hasEnvironment8)
    .Add("ENVIRONMENT_8_NAME", () => new ENVIRONMENT_8_CLASSStack())
//#endif
    );
