namespace ClusterRegistry;

/// <summary>
/// One environment (a cluster). Subclass it and create resources in the constructor, Pulumi style:
/// every resource created while the constructor runs registers with this stack.
/// </summary>
public abstract class Stack
{
    [ThreadStatic] private static Stack? constructing;
    private readonly List<Resource> resources = new();

    protected Stack(string name)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            throw new StackDefinitionException(GetType().Name, "name", name ?? "", "a stack needs a non-empty name");
        }

        Name = name;
        constructing = this;
    }

    /// <summary>The stack's name, as selected with <c>--stack NAME</c> and <c>PULUMI_STACK</c>.</summary>
    public string Name { get; }

    /// <summary>The resources in declaration order.</summary>
    public IReadOnlyList<Resource> Resources => resources;

    /// <summary>The resources of one type, in declaration order.</summary>
    public IEnumerable<T> ResourcesOf<T>() where T : Resource => resources.OfType<T>();

    /// <summary>Builds a stack and closes its registration window, so that later resources cannot join it by accident.</summary>
    public static T Build<T>(Func<T> factory) where T : Stack
    {
        ArgumentNullException.ThrowIfNull(factory);
        try
        {
            return factory();
        }
        finally
        {
            constructing = null;
        }
    }

    internal static Stack CurrentForRegistration(Resource resource) =>
        constructing ?? throw new StackDefinitionException(
            resource.Name, "stack", resource.GetType().Name,
            "resources must be created inside the constructor of a Stack subclass (built with Stack.Build)");

    internal void Register(Resource resource)
    {
        foreach (var existing in resources)
        {
            if (existing.GetType() == resource.GetType() && existing.Name == resource.Name)
            {
                throw new StackDefinitionException($"{resource.Kind} '{resource.Name}'", "Name", resource.Name,
                    $"two {resource.Kind} resources are named '{resource.Name}' in stack '{Name}' (CRG002)");
            }
        }

        resources.Add(resource);
    }
}
