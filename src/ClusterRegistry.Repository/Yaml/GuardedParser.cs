using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace ClusterRegistry.Repository.Yaml;

/// <summary>
/// A YamlDotNet parser that stops a hostile file early: collections nested deeper than the limit (YamlDotNet's node
/// loader recurses per level, so unbounded nesting would overflow the stack) and more aliases than the expansion budget
/// could ever allow. Expansion itself is measured after loading by <see cref="SafeYamlLoader"/>.
/// </summary>
internal sealed class GuardedParser : IParser
{
    private readonly IParser inner;
    private readonly int maxDepth;
    private readonly long maxEvents;
    private int depth;
    private long events;

    public GuardedParser(IParser inner, int maxDepth, long maxEvents)
    {
        this.inner = inner;
        this.maxDepth = maxDepth;
        this.maxEvents = maxEvents;
    }

    public ParsingEvent? Current => inner.Current;

    /// <summary>Aliases (<c>*name</c>) met so far: without any, the tree is exactly as big as the text says.</summary>
    public long Aliases { get; private set; }

    /// <summary>Nodes (scalars, mappings, sequences) met so far.</summary>
    public long Nodes { get; private set; }

    public bool MoveNext()
    {
        if (!inner.MoveNext())
        {
            return false;
        }

        events++;
        if (events > maxEvents)
        {
            throw new YamlLimitException(inner.Current?.Start.Line ?? 0, $"more than {maxEvents} YAML nodes");
        }

        switch (inner.Current)
        {
            case AnchorAlias:
                Aliases++;
                break;
            case Scalar:
                Nodes++;
                break;
            case MappingStart or SequenceStart:
                Nodes++;
                depth++;
                if (depth > maxDepth)
                {
                    throw new YamlLimitException(inner.Current.Start.Line, $"collections nested deeper than {maxDepth} levels");
                }

                break;
            case MappingEnd or SequenceEnd:
                depth--;
                break;
        }

        return true;
    }
}

/// <summary>A YAML file over one of the safety limits.</summary>
internal sealed class YamlLimitException(long line, string message) : Exception(message)
{
    public int Line { get; } = (int)Math.Min(line, int.MaxValue);
}
