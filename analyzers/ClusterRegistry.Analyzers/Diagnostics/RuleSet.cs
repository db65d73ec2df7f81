using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using ClusterRegistry.Rules;

namespace ClusterRegistry.Analyzers.Diagnostics
{
    /// <summary>Instantiates every rule compiled into this assembly from the rule library, in ID order.</summary>
    internal static class RuleSet
    {
        public static IReadOnlyList<Rule> Create()
        {
            var rules = new List<Rule>();
            Type[] types;
            try
            {
                types = typeof(Rule).Assembly.GetTypes();
            }
            catch (ReflectionTypeLoadException e)
            {
                types = e.Types.Where(t => t is not null).ToArray()!;
            }

            foreach (var t in types)
            {
                if (t.IsAbstract || !typeof(Rule).IsAssignableFrom(t) || t.GetConstructor(Type.EmptyTypes) is null)
                {
                    continue;
                }

                if (Activator.CreateInstance(t) is Rule r && r.Descriptor.Id.StartsWith("CRG", StringComparison.Ordinal) &&
                    !r.Descriptor.Id.StartsWith("CRG5", StringComparison.Ordinal))
                {
                    rules.Add(r);
                }
            }

            return rules.OrderBy(r => r.Descriptor.Id, StringComparer.Ordinal).ToList();
        }
    }
}
