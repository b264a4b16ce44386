using NodaTime;
using ServiceDesk.Web.Api;
using ServiceDesk.Web.Dashboard;
using ServiceDesk.Web.Scheduling;
using ServiceDesk.Web.Store;
using ServiceQuality.Json;
using ServiceQuality.Policies;

namespace ServiceDesk.Web;

/// <summary>
/// Composes the host. Settings read after start-up (the store, the scheduler's mode) come from configuration when first
/// needed, so a test host can set them: <c>ServiceDesk:Sqlite</c> (a file), <c>ServiceDesk:Postgres</c> (a connection
/// string; wins over SQLite), <c>ServiceDesk:Scheduler</c> (<c>background</c>, the default, or <c>manual</c>: only
/// <see cref="EscalationScheduler.RunDueAsync"/> steps it). The clock is an <see cref="IClock"/> service: replace it to
/// drive time.
/// </summary>
internal static class ServiceDeskHost
{
    /// <summary>Builds the host; <paramref name="configure"/> may replace services last (the scheduler test's clock).</summary>
    public static WebApplication Build(HostOptions options, Action<IServiceCollection>? configure = null)
    {
        var definitions = DeskDefinitions.Load(options.Definitions ?? Path.Combine(AppContext.BaseDirectory, "definitions.json"));
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = [.. options.Rest] });
        if (options.Sqlite is { } file)
        {
            builder.Configuration["ServiceDesk:Sqlite"] = file;
        }

        if (options.Postgres is { } connection)
        {
            builder.Configuration["ServiceDesk:Postgres"] = connection;
        }

        // One line per request is the access log's job, not the console's.
        builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
        var services = builder.Services;
        services.AddSingleton(definitions);
        services.AddServiceQuality(o =>
            {
                foreach (var (name, calendar) in definitions.Calendars)
                {
                    o.Calendars[name] = calendar;
                }

                o.NotificationCalendar = definitions.Default.CalendarName;
            })
            .UseDefinitions(definitions.Loaded);
        services.AddSingleton<EventStore>(sp => CreateStore(sp.GetRequiredService<IConfiguration>()));
        services.AddSingleton(sp => new CaseRepository(sp.GetRequiredService<EventStore>(), Json.Events));
        services.AddSingleton<CaseBoard>();
        services.AddSingleton<CaseQueue>();
        services.AddSingleton<ClockSetting>();
        services.AddSingleton(sp => sp.GetRequiredService<ClockSetting>().CreateClock());
        services.AddSingleton<Desk>();
        services.AddSingleton(sp => new SchedulerSettings(
            !string.Equals(sp.GetRequiredService<IConfiguration>()["ServiceDesk:Scheduler"], "manual", StringComparison.OrdinalIgnoreCase)));
        services.AddSingleton<EscalationScheduler>();
        services.AddHostedService(sp => sp.GetRequiredService<EscalationScheduler>());
        configure?.Invoke(services);

        var app = builder.Build();
        app.UseMiddleware<ProblemMiddleware>();
        app.MapGet("/", (Desk desk) => Results.Content(DashboardPage.Render(Dashboard.Dashboard.Of(desk, desk.Now)), "text/html; charset=utf-8"));
        Endpoints.Map(app);
        return app;
    }

    private static EventStore CreateStore(IConfiguration configuration) =>
        configuration["ServiceDesk:Postgres"] is { Length: > 0 } connection
            ? new PostgresEventStore(connection)
            : new SqliteEventStore(configuration["ServiceDesk:Sqlite"] is { Length: > 0 } file ? file : HostOptions.DemoFile);
}
