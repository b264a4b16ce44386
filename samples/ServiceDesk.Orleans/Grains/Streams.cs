using System.Text.Json;

namespace ServiceDesk.Orleans.Grains;

/// <summary>Stream names (<c>family/id</c>), their read-model partition, and the library's event JSON.</summary>
internal static class Streams
{
    public const string Tickets = "ticket";
    public const string Complaints = "complaint";
    public const string Customers = "customer";
    public const string Visits = "visit";

    /// <summary>How many partitions the read model has (spread over the silos by Orleans).</summary>
    public const int ShardCount = 16;

    public static string Name(string family, string id) => $"{family}/{id}";

    public static string FamilyOf(string stream) => stream[..stream.IndexOf('/', StringComparison.Ordinal)];

    /// <summary>The partition of a stream: a stable hash (FNV-1a) of its name, so every silo and every run agree.</summary>
    public static int Shard(string stream)
    {
        var hash = 2166136261u;
        foreach (var c in stream)
        {
            hash = unchecked((hash ^ c) * 16777619u);
        }

        return (int)(hash % ShardCount);
    }

    public static TEvent Read<TEvent>(string data) => JsonSerializer.Deserialize<TEvent>(data, Centre.Json)
        ?? throw new InvalidDataException("A stored event is the JSON null.");
}
