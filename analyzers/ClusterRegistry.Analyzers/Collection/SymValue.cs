using System.Collections.Generic;
using Microsoft.CodeAnalysis;

namespace ClusterRegistry.Analyzers.Collection
{
    /// <summary>
    /// A value in stack source as the analyzer sees it: a compile-time constant, an SDK object under construction,
    /// a collection, a reference to another value still to be resolved, or unknown. Every value keeps the narrowest
    /// syntax that produced it, so a finding about it can point there.
    /// </summary>
    internal abstract class SymValue
    {
        protected SymValue(Location? location)
        {
            Location = location;
        }

        /// <summary>The expression that produced the value (the element, the literal, the <c>new</c>).</summary>
        public Location? Location { get; }

        /// <summary>
        /// The "maybe" scope (a branch, loop, lambda, helper run on its own; see <see cref="StackInterpreter"/>) this object
        /// or collection was created in. A change made in any other scope may or may not happen, so it makes what it
        /// changes unknown instead of setting it.
        /// </summary>
        public int Scope { get; set; }

        /// <summary>
        /// Code the analyzer does not follow may have changed this object or collection (it was passed to an unknown
        /// method, stored somewhere untracked, changed in a way not modelled): everything it holds is unknown, and so is
        /// everything reachable from it. Its identity stays (a resource escaped is still that resource).
        /// </summary>
        public bool Escaped { get; set; }
    }

    /// <summary>Not a compile-time constant, or a shape the analyzer does not follow: rules depending on it stay silent.</summary>
    internal sealed class SymUnknown : SymValue
    {
        public SymUnknown(Location? location)
            : base(location)
        {
        }
    }

    /// <summary>A compile-time constant: string, bool, int, long, double, null, an enum member name, or a TimeSpan.</summary>
    internal sealed class SymConst : SymValue
    {
        public SymConst(object? value, Location? location)
            : base(location)
        {
            Value = value;
        }

        public object? Value { get; }
    }

    /// <summary>The member <see cref="Member"/> of <see cref="Target"/>, resolved once every declaration is collected.</summary>
    internal sealed class SymMember : SymValue
    {
        public SymMember(SymValue target, string member, Location? location)
            : base(location)
        {
            Target = target;
            Member = member;
        }

        public SymValue Target { get; }

        public string Member { get; }
    }

    /// <summary>
    /// A field or auto-property of the stack class (or a base); its value is the one assignment the class makes to it.
    /// </summary>
    internal sealed class SymFieldRef : SymValue
    {
        public SymFieldRef(ISymbol field, Location? location)
            : base(location)
        {
            Field = field;
        }

        /// <summary>An <see cref="IFieldSymbol"/> or an auto-property's <see cref="IPropertySymbol"/>.</summary>
        public ISymbol Field { get; }
    }

    /// <summary>String concatenation or interpolation whose parts may only be known after resolution.</summary>
    internal sealed class SymConcat : SymValue
    {
        public SymConcat(IReadOnlyList<SymValue> parts, Location? location)
            : base(location)
        {
            Parts = parts;
        }

        public IReadOnlyList<SymValue> Parts { get; }
    }

    /// <summary>One assignment of a property, with the span of the whole assignment (<c>PrependExisting = false</c>).</summary>
    internal sealed class SymProperty
    {
        public SymProperty(SymValue value, Location? location)
        {
            Value = value;
            Location = location;
        }

        public SymValue Value { get; }

        public Location? Location { get; }
    }

    /// <summary>An object of an SDK type: its constructor arguments and property assignments.</summary>
    internal sealed class SymObject : SymValue
    {
        public SymObject(string typeName, Location? location, Location? typeLocation)
            : base(location)
        {
            TypeName = typeName;
            TypeLocation = typeLocation;
        }

        /// <summary>The SDK type's simple name, e.g. <c>SpegelArgs</c>.</summary>
        public string TypeName { get; }

        /// <summary><c>new SpegelArgs</c> without the initializer: where a missing property is reported.</summary>
        public Location? TypeLocation { get; }

        /// <summary>Constructor arguments by parameter name.</summary>
        public Dictionary<string, SymValue> Arguments { get; } = new Dictionary<string, SymValue>();

        /// <summary>Property values by property name; a missing entry means the model's default.</summary>
        public Dictionary<string, SymProperty> Properties { get; } = new Dictionary<string, SymProperty>();

        /// <summary>True when something the analyzer cannot follow may have changed the object (it escaped, or was changed conditionally).</summary>
        public bool Open { get; set; }

        /// <summary>
        /// A value derived from this object was read before all its writes were seen (a default, <c>robot.FullName</c>):
        /// that read resolves at the end, so a later write would change it after the fact and makes the object escape instead.
        /// </summary>
        public bool Observed { get; set; }

        public SymValue? Get(string name) => Properties.TryGetValue(name, out var p) ? p.Value : null;
    }

    /// <summary>A list property or array: elements in order; <see cref="Open"/> when elements may be missing.</summary>
    internal sealed class SymList : SymValue
    {
        public SymList(Location? location)
            : base(location)
        {
        }

        public List<SymValue> Items { get; } = new List<SymValue>();

        private bool open;

        /// <summary>True when elements may be missing (added on some paths only, by code not followed, ...).</summary>
        public bool Open
        {
            get => open;
            set
            {
                if (value && !open)
                {
                    OpenAt = Items.Count;
                }
                else if (!value)
                {
                    OpenAt = int.MaxValue;
                }

                open = value;
            }
        }

        /// <summary>
        /// How many of <see cref="Items"/> were there when the list became open: their indexes are the user's; an item
        /// added after that (after an element added on some paths only) may stand at a larger index.
        /// </summary>
        public int OpenAt { get; private set; } = int.MaxValue;
    }

    /// <summary>One dictionary entry, with the span of the element (<c>["k"] = v</c> or <c>{ "k", v }</c>).</summary>
    internal sealed class SymEntry
    {
        public SymEntry(SymValue key, SymValue value, Location? location)
        {
            Key = key;
            Value = value;
            Location = location;
        }

        public SymValue Key { get; }

        public SymValue Value { get; }

        public Location? Location { get; }
    }

    /// <summary>A dictionary property: entries in order; <see cref="Open"/> when entries may be missing.</summary>
    internal sealed class SymDict : SymValue
    {
        public SymDict(Location? location)
            : base(location)
        {
        }

        public List<SymEntry> Entries { get; } = new List<SymEntry>();

        public bool Open { get; set; }
    }
}
