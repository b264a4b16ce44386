using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using ServiceQuality.Domain.Common;

namespace ServiceQuality.Json.Tests.Files;

/// <summary>
/// Mutated definitions files and event logs — properties dropped, duplicated, retyped and renamed, extreme numbers and
/// strings, truncation — either load, or fail with the documented exception and located, coded problems; never anything
/// else and never a hang. What loads loads equal again: a definitions file after reformatting, an event log after being
/// written back by <see cref="EventLogWriter"/>.
/// </summary>
public sealed class FuzzTests
{
    /// <summary>Far beyond any honest load of these small inputs: only a hang reaches it.</summary>
    private static readonly TimeSpan HangLimit = TimeSpan.FromSeconds(30);

    private static readonly HashSet<string> Codes =
    [
        .. typeof(ProblemCode).GetFields().Select(f => (string)f.GetValue(null)!),
        .. Enum.GetNames<RuleCode>(),
    ];

    private static readonly string DefinitionsText = RepositoryFiles.SampleData("definitions.json");
    private static readonly string[] LogLines = RepositoryFiles.ReadAllLines("samples", "ServiceDesk", "data", "events.jsonl");
    private static readonly JsonSerializerOptions Json = new JsonSerializerOptions().ConfigureForServiceQuality();

    /// <summary>Values a property is retyped to: every JSON kind, the range's edges and beyond, odd strings.</summary>
    private static readonly string[] Replacements =
    [
        "null", "true", "0", "-1", "1.5", "-0", "1e40", "-1e40", "2147483647", "2147483648", "-9223372036854775809", "99999999999999999999999999999999",
        "0.0000000000000000000000000001", "[]", "{}", "[[[[[[[[[[]]]]]]]]]]", "\"\"", "\" \"", "\"P1, P2\"", "\"1\"", "\" P1\"", "\"Monday, Tuesday\"",
        "\"\\ud800\"", "\"\\udc00x\"", "\"a\\u0000b\"", "\"\\n\"", "\"😀\"", "\"P99999999999D\"", "\"PT0S\"", "\"P36501D\"", "\"-PT1H\"",
        "\"0001-01-01\"", "\"9999-12-31\"", "\"2199-12-31\"", "\"1899-12-31T23:00:00Z\"", "\"2199-12-31T23:00:00+18:00\"", "\"1900-01-01T00:00:00-18:00\"",
        "\"24:00\"", "\"9am\"", $"\"{new string('x', 5000)}\"", $"\"{new string('x', 129)}\"", "{\"amount\":1e40,\"currency\":\"CNY\"}",
        "{\"amount\":79228162514264337593543950335,\"currency\":\"CNY\"}", "{\"amount\":1,\"currency\":\"cny\"}",
    ];

    private enum Operation
    {
        Drop,
        Duplicate,
        Retype,
        Rename,
        Truncate,
    }

    private sealed record Mutation(Operation Operation, int Target, int Replacement, double Cut)
    {
        public override string ToString() => $"{Operation} #{Target} ({Replacement}, {Cut:0.###})";
    }

    private static readonly Gen<Mutation> OneMutation =
        from operation in Gen.Elements(Enum.GetValues<Operation>())
        from target in Gen.Choose(0, 10_000)
        from replacement in Gen.Choose(0, Replacements.Length - 1)
        from cut in Gen.Choose(0, 1000)
        select new Mutation(operation, target, replacement, cut / 1000.0);

    private static readonly Arbitrary<Mutation[]> Mutations = Gen.Choose(1, 3).SelectMany(count => Gen.ArrayOf(OneMutation, count)).ToArbitrary();

    private static readonly Arbitrary<(int Line, Mutation Mutation)> LineMutations =
        (from line in Gen.Choose(0, LogLines.Length - 1)
         from operation in Gen.Elements(Enum.GetValues<Operation>())
         from target in Gen.Choose(0, 100)
         from replacement in Gen.Choose(0, Replacements.Length - 1)
         from cut in Gen.Choose(0, 1000)
         select (line, new Mutation(operation, target, replacement, cut / 1000.0))).ToArbitrary();

    [Property(MaxTest = 300, Replay = PropertyRuns.Replay)]
    public Property MutatedDefinitions_LoadOrFailWithLocatedCodedProblems() =>
        Prop.ForAll(Mutations, mutations =>
        {
            var text = mutations.Aggregate(DefinitionsText, Mutate);

            var outcome = WithinLimit(() => DefinitionsFile.Load(text));

            switch (outcome)
            {
                case LoadedDefinitions loaded:
                    // Loaded again after reformatting (no comments, compact): the same definitions.
                    using (var document = JsonDocument.Parse(text, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true }))
                    {
                        var again = DefinitionsFile.Load(JsonSerializer.Serialize(document.RootElement));
                        Assert.Equal(Describe(loaded), Describe(again));
                    }

                    break;
                case InvalidDefinitionException e:
                    Assert.NotEmpty(e.Problems);
                    Assert.All(e.Problems, p => Assert.StartsWith("$", p.Path, StringComparison.Ordinal));
                    Assert.All(e.Problems, p => Assert.Contains(p.Code, Codes));
                    Assert.DoesNotContain('\n', string.Concat(e.Problems.Select(p => p.Path + p.Message)));
                    break;
                default:
                    Assert.Fail($"Load threw {outcome}");
                    break;
            }
        });

    [Property(MaxTest = 300, Replay = PropertyRuns.Replay)]
    public Property MutatedEventLogs_ReplayOrFailAtALocatedLine() =>
        Prop.ForAll(LineMutations, m =>
        {
            var lines = (string[])LogLines.Clone();
            lines[m.Line] = Mutate(lines[m.Line], m.Mutation);
            var log = string.Join('\n', lines);
            var definitions = DefinitionsFile.Load(DefinitionsText);

            var outcome = WithinLimit(() => Replay(log, definitions));

            switch (outcome)
            {
                case ReplayedCases cases:
                    // Written back as a log and replayed: the same histories.
                    using (var stream = new MemoryStream())
                    {
                        using (var writer = new EventLogWriter(stream, leaveOpen: true))
                        {
                            writer.WriteCases(cases.Customers.Values, cases.Tickets.Values, cases.Complaints.Values, cases.Visits.Values);
                        }

                        var again = Replay(Encoding.UTF8.GetString(stream.ToArray()), definitions);
                        Assert.Equal(Histories(cases), Histories(again));
                    }

                    break;
                case EventLogException e:
                    Assert.InRange(e.Line, 1, lines.Length);
                    Assert.StartsWith("$", e.Path, StringComparison.Ordinal);
                    Assert.Contains(e.Code, Codes);
                    Assert.DoesNotContain('\n', e.Message);
                    break;
                default:
                    Assert.Fail($"Replay threw {outcome}");
                    break;
            }
        });

    private static ReplayedCases Replay(string log, LoadedDefinitions definitions) =>
        EventLogReplay.Replay(new StringReader(log), "events.jsonl", definitions.Agreements, definitions.Calendars, definitions.Agreements.Values.First());

    private static object WithinLimit(Func<object> load)
    {
        var task = Task.Run(() =>
        {
            try
            {
                return load();
            }
            catch (Exception e)
            {
                return e;
            }
        });
        Assert.True(task.Wait(HangLimit), "the load did not finish: a hang");
        return task.Result;
    }

    private static string Mutate(string text, Mutation mutation)
    {
        if (mutation.Operation == Operation.Truncate)
        {
            return text[..(int)(text.Length * mutation.Cut)];
        }

        JsonNode? root;
        var places = new List<(JsonNode Parent, string? Name, int Index)>();
        try
        {
            root = JsonNode.Parse(text, documentOptions: new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
            Collect(root, places);
        }
        catch (Exception e) when (e is JsonException or ArgumentException or InvalidOperationException)
        {
            return text; // an earlier truncation or duplicate that the node model cannot hold: nothing more to mutate structurally
        }

        if (places.Count == 0)
        {
            return text;
        }

        var (parent, name, index) = places[mutation.Target % places.Count];
        const string Marker = "zz_marker_zz";
        string? replace = null;
        switch (mutation.Operation)
        {
            case Operation.Drop when parent is JsonObject o:
                o.Remove(name!);
                break;
            case Operation.Drop when parent is JsonArray a:
                a.RemoveAt(index);
                break;
            case Operation.Duplicate when parent is JsonObject o:
                o[Marker] = o[name!]?.DeepClone();
                replace = JsonSerializer.Serialize(name);
                break;
            case Operation.Duplicate when parent is JsonArray a:
                a.Add(a[index]?.DeepClone());
                break;
            case Operation.Retype when parent is JsonObject o:
                o[name!] = Marker;
                replace = Replacements[mutation.Replacement];
                break;
            case Operation.Retype when parent is JsonArray a:
                a[index] = Marker;
                replace = Replacements[mutation.Replacement];
                break;
            case Operation.Rename when parent is JsonObject o:
                var value = o[name!]?.DeepClone();
                o.Remove(name!);
                o[name + "x"] = value;
                break;
        }

        string mutated;
        try
        {
            mutated = root!.ToJsonString();
        }
        catch (Exception e) when (e is JsonException or ArgumentException or InvalidOperationException)
        {
            return text; // a lone surrogate from an earlier mutation, which the node model cannot write back
        }

        return replace is null ? mutated : mutated.Replace($"\"{Marker}\"", replace, StringComparison.Ordinal);
    }

    private static void Collect(JsonNode? node, List<(JsonNode Parent, string? Name, int Index)> places)
    {
        switch (node)
        {
            case JsonObject o:
                foreach (var (name, child) in o.ToList())
                {
                    places.Add((o, name, -1));
                    Collect(child, places);
                }

                break;
            case JsonArray a:
                for (var i = 0; i < a.Count; i++)
                {
                    places.Add((a, null, i));
                    Collect(a[i], places);
                }

                break;
        }
    }

    private static string Describe(LoadedDefinitions d) =>
        string.Join('\n', d.Calendars.OrderBy(c => c.Key, StringComparer.Ordinal).Select(c => $"{c.Key}: {c.Value}"))
        + '\n' + string.Join('\n', d.Catalog.Versions.Select(Describe))
        + '\n' + string.Join(',', new object?[] { d.Policies.Tiers, d.Policies.Ladder, d.Policies.Scorecard, d.Policies.Standings, d.Policies.Credits, d.Policies.Callbacks }.Select(p => p is null ? "-" : "+"));

    /// <summary>Every term of a version, as text.</summary>
    private static string Describe(Domain.Agreements.AgreementVersion a) =>
        string.Join(" | ", a, a.Kind, a.CalendarName, a.CalendarSource, string.Join(";", a.Targets), string.Join(";", a.PauseRules.Select(p => $"{p.Reason}:{string.Join(",", p.Metrics)}")),
            string.Join(",", a.WarningStages), a.Reopen, a.LossReporting, a.Team, string.Join(";", a.Objectives),
            string.Join(";", a.Applicability.Tiers), string.Join(";", a.Applicability.Kinds), string.Join(";", a.Applicability.Customers), string.Join(";", a.Applicability.Sites));

    private static List<string> Histories(ReplayedCases cases) =>
    [
        .. cases.Customers.Values.Select(c => JsonSerializer.Serialize(c.History, Json)),
        .. cases.Tickets.Values.Select(t => JsonSerializer.Serialize(t.History, Json)),
        .. cases.Complaints.Values.Select(c => JsonSerializer.Serialize(c.History, Json)),
        .. cases.Visits.Values.Select(v => JsonSerializer.Serialize(v.History, Json)),
    ];
}
