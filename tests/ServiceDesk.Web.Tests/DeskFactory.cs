using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using NodaTime.Testing;
using ServiceDesk.Web.Scheduling;
using ServiceDesk.Web.Store;

namespace ServiceDesk.Web.Tests;

/// <summary>
/// The real host on a temporary SQLite file (or a PostgreSQL connection string), with a <see cref="FakeClock"/> and, unless
/// asked otherwise, the scheduler stepped only by the test (<see cref="EscalationScheduler.RunDueAsync"/>).
/// </summary>
internal sealed class DeskFactory : WebApplicationFactory<Program>
{
    /// <summary>Wednesday 22 January 2025, 09:30 in Shanghai: a working morning of the reference calendar.</summary>
    public static readonly Instant Morning = Instant.FromUtc(2025, 1, 22, 1, 30);

    private readonly bool _background;
    private readonly string? _postgres;

    public DeskFactory(string? file = null, FakeClock? clock = null, bool background = false, string? postgres = null)
    {
        File = file ?? Path.Combine(Path.GetTempPath(), $"servicedesk-test-{Guid.NewGuid():N}.db");
        Clock = clock ?? new FakeClock(Morning);
        _background = background;
        _postgres = postgres;
    }

    public string File { get; }

    public FakeClock Clock { get; }

    public EscalationScheduler Scheduler => Services.GetRequiredService<EscalationScheduler>();

    public EventStore Store => Services.GetRequiredService<EventStore>();

    public static JsonSerializerOptions Json => Web.Api.Json.Api;

    /// <summary>Deletes the SQLite file and its write-ahead log.</summary>
    public static void DeleteFiles(string file)
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        foreach (var path in new[] { file, file + "-wal", file + "-shm" })
        {
            System.IO.File.Delete(path);
        }
    }

    public async Task<HttpResponseMessage> PostAsync(string path, object? body = null, int? ifMatch = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path)
        {
            Content = body is null ? null : JsonContent.Create(body, body.GetType(), options: Json),
        };
        if (ifMatch is { } version)
        {
            request.Headers.TryAddWithoutValidation("If-Match", $"\"{version}\"");
        }

        return await CreateClient().SendAsync(request);
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("ServiceDesk:Sqlite", File);
        builder.UseSetting("ServiceDesk:Postgres", _postgres ?? string.Empty);
        builder.UseSetting("ServiceDesk:Scheduler", _background ? "background" : "manual");
        builder.ConfigureTestServices(services => services.AddSingleton<IClock>(Clock));
    }
}
