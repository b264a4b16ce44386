using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using NJsonSchema;
using NJsonSchema.Validation;
using ServiceQuality.Domain.Agreements;
using ServiceQuality.Domain.Common;

namespace ServiceQuality.Json.Tests.Files;

/// <summary>
/// The published JSON Schemas (<c>schemas/</c>) accept the shipped examples, the examples in docs/formats.md and every
/// file the tests load, and refuse the deliberately bad ones (or the loader does). Checked with NJsonSchema, which
/// validates a subset of draft 2020-12: the schemas may use only the keywords it checks (the first test).
/// </summary>
public sealed partial class SchemaTests
{
    /// <summary>
    /// Keywords NJsonSchema 11 checks as the specification says (each tried on a failing instance), and the
    /// annotations it may ignore. Not here: <c>const</c>, which it silently ignores (RicoSuter/NJsonSchema#1857), so
    /// the schemas write a constant as a one-value <c>enum</c>, which the specification defines as the same thing.
    /// <c>format</c> is an annotation in draft 2020-12; NJsonSchema asserts <c>date</c> strictly but accepts a
    /// <c>date-time</c> without the <c>T</c> or an offset, so the loaders remain the judges of instants.
    /// </summary>
    private static readonly HashSet<string> CheckedKeywords =
    [
        "$id", "$schema", "$ref", "$defs", "title", "description",
        "type", "enum", "format", "pattern", "minLength", "maxLength", "minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum",
        "properties", "required", "additionalProperties", "minProperties", "maxProperties",
        "items", "minItems", "maxItems", "uniqueItems", "anyOf", "oneOf",
    ];

    private static readonly string Formats = RepositoryFiles.ReadAllText("docs", "formats.md");

    public static TheoryData<string> SchemaNames => new() { "definitions.schema.json", "event-log-line.schema.json" };

    [Theory]
    [MemberData(nameof(SchemaNames))]
    public void Schema_UsesOnlyKeywordsNJsonSchemaChecks(string name)
    {
        var unverified = new List<string>();
        Keywords(JsonNode.Parse(RepositoryFiles.ReadAllText("schemas", name))!.AsObject(), "#", unverified);

        Assert.Empty(unverified);
    }

    [Fact]
    public async Task DefinitionsSchema_AcceptsTheShippedExample() =>
        AssertValid(await Schema("definitions.schema.json"), RepositoryFiles.SampleData("definitions.json"), "definitions.json");

    [Fact]
    public async Task DefinitionsSchema_AcceptsTheExampleInTheFormatsGuide()
    {
        var schema = await Schema("definitions.schema.json");
        var examples = JsonBlocks().Where(IsDefinitions).ToList();

        Assert.NotEmpty(examples);
        Assert.All(examples, example => AssertValid(schema, example, "docs/formats.md definitions example"));
    }

    [Fact]
    public async Task EventLineSchema_AcceptsEveryLineOfTheShippedLog()
    {
        var schema = await Schema("event-log-line.schema.json");

        AssertEveryLineValid(schema, RepositoryFiles.ReadAllLines("samples", "ServiceDesk", "data", "events.jsonl"), "events.jsonl");
    }

    [Fact]
    public async Task EventLineSchema_AcceptsTheEventExamplesInTheFormatsGuide()
    {
        var schema = await Schema("event-log-line.schema.json");
        var examples = JsonBlocks().Where(block => !IsDefinitions(block)).ToList();

        Assert.NotEmpty(examples);
        Assert.All(examples, example => AssertEveryLineValid(schema, example.ReplaceLineEndings("\n").Split('\n'), "docs/formats.md event example"));
    }

    [Fact]
    public async Task DefinitionsSchema_RefusesTheShippedBadExample()
    {
        // What a schema can see; the rest (an unknown zone, a missing calendar, unknown sections) only the loader
        // knows, and DefinitionsFileTests shows it refusing all of them.
        var errors = Errors(await Schema("definitions.schema.json"), RepositoryFiles.SampleData("bad-definitions.json"));

        Assert.Equal(["#/agreements[0].targets[0].duration", "#/callbacks.ticketSamplePercent"], errors.SelectMany(Leaves).Select(e => e.Path).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task BadEventLog_PassesTheSchemaLineByLine_ButTheLoaderRefusesItsSecondLine()
    {
        // The bad log names a ticket that was never opened: a reference between lines, which no line's schema can see.
        var lines = RepositoryFiles.ReadAllLines("samples", "ServiceDesk", "data", "bad-events.jsonl");
        AssertEveryLineValid(await Schema("event-log-line.schema.json"), lines, "bad-events.jsonl");

        var failure = Assert.Throws<EventLogException>(
            () => EventLogReplay.Replay(new StringReader(string.Join('\n', lines)), "bad-events.jsonl", new Dictionary<string, AgreementVersion>(), new Dictionary<string, Domain.Calendars.BusinessCalendar>(), null));

        Assert.Equal(("bad-events.jsonl", 2, ProblemCode.UnknownReference, "$.ticket"), (failure.File, failure.Line, failure.Code, failure.Path));
    }

    [Theory]
    [InlineData("""{"at":"2025-01-15T05:00:00Z","type":"TicketTeleported","ticket":"T-1"}""")]
    [InlineData("""{"at":"2025-01-15T05:00:00Z","type":"TicketClosed"}""")]
    [InlineData("""{"at":"yesterday","type":"TicketClosed","ticket":"T-1"}""")]
    [InlineData("""{"type":"TicketClosed","ticket":"T-1"}""")]
    public async Task EventLineSchema_RefusesAnUnknownTypeAMissingFieldOrABadInstant(string line) =>
        Assert.NotEmpty(Errors(await Schema("event-log-line.schema.json"), line));

    [Fact]
    public async Task DefinitionsSchema_RefusesAnUnknownEscalationRuleWithAKnownRulesFields()
    {
        // The severity rule's fields under another name: only the one-value enum of "rule" tells them apart (with
        // "const", which NJsonSchema ignores, this passed).
        var json = """{ "escalation": { "rules": [ { "rule": "phaseOfTheMoon", "level": 2, "atLeast": "Major" } ] } }""";

        Assert.NotEmpty(Errors(await Schema("definitions.schema.json"), json));
    }

    private static Task<JsonSchema> Schema(string name) => JsonSchema.FromJsonAsync(RepositoryFiles.ReadAllText("schemas", name));

    private static ICollection<ValidationError> Errors(JsonSchema schema, string json) => schema.Validate(json);

    /// <summary>The errors themselves, not the items or branches that contain them.</summary>
    private static IEnumerable<ValidationError> Leaves(ValidationError error) =>
        error is ChildSchemaValidationError parent ? parent.Errors.Values.SelectMany(errors => errors).SelectMany(Leaves) : [error];

    private static void AssertValid(JsonSchema schema, string json, string what)
    {
        var errors = Errors(schema, json);
        Assert.True(errors.Count == 0, $"{what}: {string.Join("; ", errors)}");
    }

    private static void AssertEveryLineValid(JsonSchema schema, IEnumerable<string> lines, string file)
    {
        var checkedLines = 0;
        foreach (var (line, number) in lines.Select((line, i) => (line, i + 1)).Where(l => !string.IsNullOrWhiteSpace(l.line)))
        {
            AssertValid(schema, line, $"{file}:{number}");
            checkedLines++;
        }

        Assert.True(checkedLines > 0, $"{file} has no lines");
    }

    private static bool IsDefinitions(string block) => block.Contains("\"calendars\"", StringComparison.Ordinal);

    private static IEnumerable<string> JsonBlocks() => JsonBlock().Matches(Formats).Select(m => m.Groups[1].Value);

    /// <summary>Collects the keywords of a schema object and of its subschemas that NJsonSchema does not check.</summary>
    private static void Keywords(JsonObject schema, string path, List<string> unverified)
    {
        foreach (var (keyword, value) in schema)
        {
            if (!CheckedKeywords.Contains(keyword))
            {
                unverified.Add($"{path}/{keyword}");
            }

            switch (keyword, value)
            {
                case ("properties" or "$defs", JsonObject named):
                    foreach (var (name, subschema) in named)
                    {
                        Keywords(subschema!.AsObject(), $"{path}/{keyword}/{name}", unverified);
                    }

                    break;
                case ("items" or "additionalProperties", JsonObject subschema):
                    Keywords(subschema, $"{path}/{keyword}", unverified);
                    break;
                case ("anyOf" or "oneOf", JsonArray subschemas):
                    foreach (var (subschema, i) in subschemas.Select((s, i) => (s, i)))
                    {
                        Keywords(subschema!.AsObject(), $"{path}/{keyword}/{i}", unverified);
                    }

                    break;
            }
        }
    }

    [GeneratedRegex("```json\\r?\\n(.*?)```", RegexOptions.Singleline)]
    private static partial Regex JsonBlock();
}
