namespace ClusterRegistry.Rendering.Tests.Tree;

public sealed class RenderedTreeTests
{
    [Fact]
    public void Enumerates_in_ordinal_path_order_whatever_the_insertion_order()
    {
        var tree = new RenderedTree();
        tree.Add("b/x", "1");
        tree.Add("B/x", "2");
        tree.Add("a.yaml", "3");
        tree.Add("a/z", "4");
        Assert.Equal(["B/x", "a.yaml", "a/z", "b/x"], tree.Keys);
        tree.Set("a/a", "5");
        tree.Set("b/x", "6");
        Assert.Equal(["B/x", "a.yaml", "a/a", "a/z", "b/x"], tree.Keys);
        Assert.Equal(["2", "3", "5", "4", "6"], tree.Values);
        Assert.Equal(tree.Keys.Zip(tree.Values), tree.Select(kv => (kv.Key, kv.Value)));
    }

    [Fact]
    public void A_path_is_claimed_once()
    {
        var tree = new RenderedTree();
        tree.Add("etc/hosts", "x");
        Assert.Throws<InvalidOperationException>(() => tree.Add("etc/hosts", "y"));
        var other = new RenderedTree();
        other.Add("hosts", "z");
        Assert.Throws<InvalidOperationException>(() => tree.AddAll(other, "etc"));
        Assert.Equal("x", tree["etc/hosts"]);
    }

    [Theory]
    [InlineData("/etc/hosts")]
    [InlineData("etc//hosts")]
    [InlineData("etc/../hosts")]
    [InlineData("./hosts")]
    [InlineData("etc/")]
    [InlineData("")]
    public void Paths_must_be_relative_and_clean(string path)
    {
        Assert.Throws<ArgumentException>(() => new RenderedTree().Add(path, "x"));
        Assert.Throws<ArgumentException>(() => new RenderedTree().AddAll(One(), path.Length == 0 ? "." : path.TrimEnd('/') + "/.."));
    }

    [Fact]
    public void Backslashes_become_slashes_and_prefixes_nest()
    {
        var tree = new RenderedTree();
        tree.Add("a\\b", "x");
        tree.AddAll(One(), "nodes/10.0.0.1/");
        Assert.Equal(["a/b", "nodes/10.0.0.1/f"], tree.Keys);
    }

    private static RenderedTree One()
    {
        var t = new RenderedTree();
        t.Add("f", "y");
        return t;
    }
}
