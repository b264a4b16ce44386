using System.Reflection;
using ServiceQuality.Domain.Tickets;
using ServiceQuality.Json;
using ServiceQuality.Policies.Assessment;

namespace ServiceDesk.Orleans.Tests;

/// <summary>Orleans is the sample's choice: the library packages it runs on know nothing of it.</summary>
public sealed class DependencyTests
{
    [Fact]
    public void LibraryPackages_WhatTheOrleansSampleRunsOn_ReferenceNoOrleansAssembly()
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var pending = new Queue<Assembly>([typeof(Ticket).Assembly, typeof(CaseAssessor).Assembly, typeof(EventLogWriter).Assembly]);
        while (pending.TryDequeue(out var assembly))
        {
            if (!seen.Add(assembly.GetName().Name!))
            {
                continue;
            }

            foreach (var reference in assembly.GetReferencedAssemblies())
            {
                Assert.False(reference.Name!.Contains("Orleans", StringComparison.OrdinalIgnoreCase), $"{assembly.GetName().Name} references {reference.Name}");
                if (reference.Name.StartsWith("ServiceQuality.", StringComparison.Ordinal))
                {
                    pending.Enqueue(Assembly.Load(reference));
                }
            }
        }

        Assert.Equal(3, seen.Count);
    }
}
