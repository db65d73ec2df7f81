namespace ClusterRegistry.Packaging.Tests.Feed;

/// <summary>The tests that share one pack of the solution (the pack takes a while on two cores; it runs once).</summary>
[CollectionDefinition(Name)]
public sealed class FeedCollection : ICollectionFixture<LocalFeed>
{
    public const string Name = "local feed";
}
