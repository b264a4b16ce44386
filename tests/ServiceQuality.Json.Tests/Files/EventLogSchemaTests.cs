using System.Text.Json.Nodes;

namespace ServiceQuality.Json.Tests.Files;

/// <summary>The published JSON Schema of an event-log line lists exactly the event types and properties the replay reads.</summary>
public sealed class EventLogSchemaTests
{
    [Fact]
    public void TheSchema_HasOneVariantPerEventType_WithExactlyThePropertiesTheReaderAccepts()
    {
        var schema = JsonNode.Parse(RepositoryFiles.ReadAllText("schemas", "event-log-line.schema.json"))!;
        var variants = schema["oneOf"]!.AsArray().ToDictionary(v => (string)v!["title"]!, v => v!);

        Assert.Equal(EventTypes.Fields.Keys.Order(StringComparer.Ordinal), variants.Keys.Order(StringComparer.Ordinal));
        foreach (var (type, (_, fields)) in EventTypes.Fields)
        {
            var properties = variants[type]["properties"]!.AsObject().Select(p => p.Key);
            Assert.Equal(fields.Order(StringComparer.Ordinal), properties.Order(StringComparer.Ordinal));
            Assert.False((bool)variants[type]["additionalProperties"]!, $"{type} must refuse unknown properties, as the replay does");
        }
    }
}
