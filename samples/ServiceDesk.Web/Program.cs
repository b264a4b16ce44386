using ServiceDesk.Web.Seeding;

namespace ServiceDesk.Web;

/// <summary>
/// <c>dotnet run --project samples/ServiceDesk.Web</c>: the service desk as a web application on SQLite (a demo centre seeded
/// on first run) or PostgreSQL. Exit status 2 with a message on a bad option, definitions file or event log.
/// </summary>
public sealed class Program
{
    private Program()
    {
    }

    public static async Task<int> Main(string[] args)
    {
        HostOptions options;
        WebApplication app;
        try
        {
            options = HostOptions.Parse(args);
            if (options.Help)
            {
                await Console.Out.WriteLineAsync(HostOptions.Usage);
                return 0;
            }

            if (options.LoadTest is { } tickets)
            {
                return await LoadTest.RunAsync(tickets);
            }

            if (options.SchedulerTest is { } cases)
            {
                return await SchedulerTest.RunAsync(cases);
            }

            app = ServiceDeskHost.Build(options);
        }
        catch (StartupException e)
        {
            foreach (var message in e.Messages)
            {
                await Console.Error.WriteLineAsync($"ServiceDesk.Web: {message}");
            }

            return 2;
        }

        try
        {
            await DemoSeed.PrepareAsync(app, options);
        }
        catch (StartupException e)
        {
            foreach (var message in e.Messages)
            {
                await Console.Error.WriteLineAsync($"ServiceDesk.Web: {message}");
            }

            await app.DisposeAsync();
            return 2;
        }

        await app.RunAsync();
        await app.DisposeAsync();
        return 0;
    }
}
