using System;

namespace ClusterRegistry.Analyzers.Collection
{
    /// <summary>An enum constant by type and member name (e.g. <c>RobotLevel.Project</c>).</summary>
    internal sealed class EnumValue : IEquatable<EnumValue>
    {
        public EnumValue(string type, string member)
        {
            Type = type;
            Member = member;
        }

        public string Type { get; }

        public string Member { get; }

        public bool Equals(EnumValue? other) => other is not null && other.Type == Type && other.Member == Member;

        public override bool Equals(object? obj) => obj is EnumValue e && Equals(e);

        public override int GetHashCode() => (Type.GetHashCode() * 397) ^ Member.GetHashCode();

        public override string ToString() => Type + "." + Member;
    }
}
