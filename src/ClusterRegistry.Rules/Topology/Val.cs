using System;
using System.Collections.Generic;

namespace ClusterRegistry.Rules.Topology;

/// <summary>
/// A value in a <see cref="TopologySnapshot"/> that may be unknown. The analyzer makes a value unknown when the stack code
/// does not give it as a compile-time constant; <c>check</c> knows every value except resource outputs (robot secrets).
/// Rules must stay silent when a value they need is unknown. <c>default(Val&lt;T&gt;)</c> is unknown.
/// </summary>
/// <remarks>
/// <see cref="Location"/> is opaque to rules: the analyzer stores a Roslyn <c>Location</c> (the narrowest span: the
/// property assignment or the element), <c>check</c> stores a <see cref="SourceFileLocation"/> or leaves it null (then the
/// owning resource's location is used). Rules copy it into <see cref="Finding.Location"/> untouched.
/// </remarks>
public readonly struct Val<T>
{
    private readonly T value;

    private Val(bool known, T value, object? location)
    {
        IsKnown = known;
        this.value = value;
        Location = location;
    }

    /// <summary>True when the value is known (a constant in source, or a real value in <c>check</c>).</summary>
    public bool IsKnown { get; }

    /// <summary>The value; throws when unknown, so use <see cref="TryGet"/> in rules.</summary>
    public T Value => IsKnown ? value : throw new InvalidOperationException("the value is unknown");

    /// <summary>Where the value is written in source (opaque; see the type remarks). May be null.</summary>
    public object? Location { get; }

    /// <summary>A known value.</summary>
    public static Val<T> Known(T value, object? location = null) => new(true, value, location);

    /// <summary>An unknown value (not a compile-time constant, or a run-time output).</summary>
    public static Val<T> Unknown(object? location = null) => new(false, default!, location);

    /// <summary>Gets the value when known.</summary>
    public bool TryGet(out T result)
    {
        result = value;
        return IsKnown;
    }

    /// <summary>The value, or <paramref name="fallback"/> when unknown.</summary>
    public T GetOrDefault(T fallback) => IsKnown ? value : fallback;

    /// <summary>The same value at another location.</summary>
    public Val<T> At(object? location) => new(IsKnown, value, location);

    /// <summary>Applies <paramref name="map"/> to a known value; an unknown stays unknown. The location is kept.</summary>
    public Val<TOut> Map<TOut>(Func<T, TOut> map) => IsKnown ? Val<TOut>.Known(map(value), Location) : Val<TOut>.Unknown(Location);

    /// <summary>True when known and equal to <paramref name="other"/> (ordinal for strings).</summary>
    public bool Is(T other) => IsKnown && EqualityComparer<T>.Default.Equals(value, other);

    /// <summary>A known value without a location.</summary>
    public static implicit operator Val<T>(T value) => Known(value);

    public override string ToString() => IsKnown ? (value?.ToString() ?? "null") : "<unknown>";
}

/// <summary>Factory helpers for <see cref="Val{T}"/>.</summary>
public static class Val
{
    public static Val<T> Known<T>(T value, object? location = null) => Val<T>.Known(value, location);

    public static Val<T> Unknown<T>(object? location = null) => Val<T>.Unknown(location);
}
