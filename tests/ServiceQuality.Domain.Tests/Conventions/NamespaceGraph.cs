using System.Reflection;
using System.Reflection.Emit;

namespace ServiceQuality.Domain.Tests.Conventions;

/// <summary>
/// The dependency graph between the areas of an assembly's namespace (the segment below a root such as
/// <c>ServiceQuality.Domain</c>: <c>Tickets</c> stands for <c>Tickets</c>, <c>Tickets.Events</c> and <c>Tickets.Rules</c>),
/// read by reflection from every type, public or not: its base type and interfaces, its fields, properties, events and
/// method signatures, and the types, fields and methods its method bodies' IL names. Each edge keeps one witness, so a
/// cycle is reported with the references that make it.
/// </summary>
public static class NamespaceGraph
{
    private const BindingFlags AllMembers =
        BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;

    private static readonly OpCode[] OneByteOpCodes = new OpCode[0x100];
    private static readonly OpCode[] TwoByteOpCodes = new OpCode[0x100];

#pragma warning disable CA1810 // the opcode tables are filled once, from the OpCodes fields
    static NamespaceGraph()
#pragma warning restore CA1810
    {
        foreach (var field in typeof(OpCodes).GetFields(BindingFlags.Public | BindingFlags.Static))
        {
            var code = (OpCode)field.GetValue(null)!;
            var value = (ushort)code.Value;
            if (value < 0x100)
            {
                OneByteOpCodes[value] = code;
            }
            else if ((value & 0xff00) == 0xfe00)
            {
                TwoByteOpCodes[value & 0xff] = code;
            }
        }
    }

    /// <summary>The edges between areas: from → (to → a witness such as <c>Ticket.Agreement: AgreementReference</c>).</summary>
    public static IReadOnlyDictionary<string, SortedDictionary<string, string>> Edges(IEnumerable<Type> types, string root)
    {
        var edges = new SortedDictionary<string, SortedDictionary<string, string>>(StringComparer.Ordinal);
        foreach (var type in types)
        {
            if (AreaOf(type, root) is not { } from)
            {
                continue;
            }

            foreach (var (referenced, where) in References(type))
            {
                foreach (var target in Flatten(referenced))
                {
                    if (AreaOf(target, root) is { } to && to != from)
                    {
                        var targets = edges.TryGetValue(from, out var t) ? t : edges[from] = new(StringComparer.Ordinal);
                        targets.TryAdd(to, $"{type.Name}.{where} uses {target.Namespace}.{target.Name}");
                    }
                }
            }
        }

        return edges;
    }

    /// <summary>
    /// Every cycle between areas, one line per strongly connected set: the areas, then each edge inside it with its witness.
    /// Empty when the graph is acyclic.
    /// </summary>
    public static IReadOnlyList<string> Cycles(IEnumerable<Type> types, string root)
    {
        var edges = Edges(types, root);
        var nodes = edges.Keys.Concat(edges.Values.SelectMany(v => v.Keys)).Distinct().Order(StringComparer.Ordinal).ToList();
        bool Reaches(string from, string to)
        {
            var seen = new HashSet<string> { from };
            var queue = new Queue<string>([from]);
            while (queue.TryDequeue(out var node))
            {
                foreach (var next in edges.TryGetValue(node, out var t) ? t.Keys : Enumerable.Empty<string>())
                {
                    if (next == to)
                    {
                        return true;
                    }

                    if (seen.Add(next))
                    {
                        queue.Enqueue(next);
                    }
                }
            }

            return false;
        }

        var cycles = new List<string>();
        var placed = new HashSet<string>();
        foreach (var node in nodes)
        {
            if (placed.Contains(node))
            {
                continue;
            }

            var component = nodes.Where(other => other == node || (Reaches(node, other) && Reaches(other, node))).ToList();
            placed.UnionWith(component);
            if (component.Count > 1)
            {
                var inside = component
                    .SelectMany(from => edges[from].Where(e => component.Contains(e.Key)).Select(e => $"{from} → {e.Key} ({e.Value})"));
                cycles.Add($"cycle between {string.Join(", ", component)}: {string.Join("; ", inside)}");
            }
        }

        return cycles;
    }

    private static string? AreaOf(Type type, string root)
    {
        var ns = type.Namespace;
        if (ns is null || !(ns == root || ns.StartsWith(root + ".", StringComparison.Ordinal)))
        {
            return null;
        }

        var rest = ns.Length == root.Length ? string.Empty : ns[(root.Length + 1)..];
        var dot = rest.IndexOf('.', StringComparison.Ordinal);
        return dot < 0 ? rest : rest[..dot];
    }

    private static IEnumerable<Type> Flatten(Type type)
    {
        if (type.HasElementType)
        {
            foreach (var inner in Flatten(type.GetElementType()!))
            {
                yield return inner;
            }

            yield break;
        }

        if (type.IsGenericParameter)
        {
            yield break;
        }

        yield return type.IsGenericType ? type.GetGenericTypeDefinition() : type;
        if (type.IsGenericType && !type.IsGenericTypeDefinition)
        {
            foreach (var argument in type.GetGenericArguments().SelectMany(Flatten))
            {
                yield return argument;
            }
        }
    }

    private static IEnumerable<(Type Type, string Where)> References(Type type)
    {
        if (type.BaseType is { } baseType)
        {
            yield return (baseType, "base");
        }

        foreach (var @interface in type.GetInterfaces())
        {
            yield return (@interface, "interface");
        }

        foreach (var field in type.GetFields(AllMembers))
        {
            yield return (field.FieldType, field.Name);
        }

        foreach (var property in type.GetProperties(AllMembers))
        {
            yield return (property.PropertyType, property.Name);
        }

        foreach (var @event in type.GetEvents(AllMembers))
        {
            yield return (@event.EventHandlerType!, @event.Name);
        }

        foreach (var method in type.GetMethods(AllMembers).Cast<MethodBase>().Concat(type.GetConstructors(AllMembers)))
        {
            if (method is MethodInfo info)
            {
                yield return (info.ReturnType, method.Name);
            }

            foreach (var parameter in method.GetParameters())
            {
                yield return (parameter.ParameterType, method.Name);
            }

            foreach (var used in BodyReferences(method))
            {
                yield return (used, method.Name + " body");
            }
        }
    }

    private static List<Type> BodyReferences(MethodBase method)
    {
        var il = method.GetMethodBody()?.GetILAsByteArray();
        if (il is null)
        {
            return [];
        }

        var found = new List<Type>();
        var typeArguments = method.DeclaringType is { IsGenericType: true } declaring ? declaring.GetGenericArguments() : null;
        var methodArguments = method.IsGenericMethod ? method.GetGenericArguments() : null;
        var i = 0;
        while (i < il.Length)
        {
            var code = il[i] == 0xfe ? TwoByteOpCodes[il[++i]] : OneByteOpCodes[il[i]];
            i++;
            switch (code.OperandType)
            {
                case OperandType.InlineField or OperandType.InlineMethod or OperandType.InlineType or OperandType.InlineTok:
                    var token = BitConverter.ToInt32(il, i);
                    try
                    {
                        switch (method.Module.ResolveMember(token, typeArguments, methodArguments))
                        {
                            case Type t:
                                found.Add(t);
                                break;
                            case FieldInfo f:
                                found.Add(f.DeclaringType!);
                                found.Add(f.FieldType);
                                break;
                            case MethodBase m:
                                found.Add(m.DeclaringType!);
                                if (m is MethodInfo mi)
                                {
                                    found.Add(mi.ReturnType);
                                    found.AddRange(mi.IsGenericMethod ? mi.GetGenericArguments() : []);
                                }

                                found.AddRange(m.GetParameters().Select(p => p.ParameterType));
                                break;
                        }
                    }
                    catch (ArgumentException)
                    {
                        // A token the module cannot resolve in this generic context: not a type of ours.
                    }

                    i += 4;
                    break;
                case OperandType.InlineNone:
                    break;
                case OperandType.ShortInlineBrTarget or OperandType.ShortInlineI or OperandType.ShortInlineVar:
                    i += 1;
                    break;
                case OperandType.InlineVar:
                    i += 2;
                    break;
                case OperandType.InlineI8 or OperandType.InlineR:
                    i += 8;
                    break;
                case OperandType.InlineSwitch:
                    i += 4 + (4 * BitConverter.ToInt32(il, i));
                    break;
                default:
                    i += 4;
                    break;
            }
        }

        return found;
    }
}
