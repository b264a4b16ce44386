using Microsoft.Extensions.DependencyInjection;
using Orleans.Reminders;
using Orleans.Serialization;
using NodaTime;
using ServiceDesk.Orleans.Grains;
using ServiceDesk.Orleans.Journal;

namespace ServiceDesk.Orleans.Hosting;

/// <summary>
/// What every silo of the desk runs, and what every client needs: the same for the two-silo cluster of the command line
/// and for the tests' <c>InProcessTestCluster</c>.
/// </summary>
internal static class DeskSilo
{
    /// <summary>Configures a silo: the journal and reminder table on <paramref name="journalFile"/>, the shared definitions, the clock.</summary>
    /// <param name="silo">The silo.</param>
    /// <param name="journalFile">The SQLite file every silo of the cluster opens.</param>
    /// <param name="clock">The desk's clock (reminders and "now"); null for the system clock.</param>
    /// <param name="cut">The instant the read model evaluates the cases at (the report's cut); the same for every silo.</param>
    public static ISiloBuilder Configure(ISiloBuilder silo, string journalFile, TimeProvider? clock, Instant cut)
    {
        silo.AddReminders();
        var services = silo.Services;
        services.AddSingleton(_ => CaseJournal.Open(journalFile));
        services.AddSingleton<IReminderTable, SqliteReminderTable>();
        services.AddSingleton<Centre>();
        services.AddSingleton(new ReadModelCut(cut));
        services.Configure<ReminderOptions>(o => o.MinimumReminderPeriod = TimeSpan.FromMinutes(1));
        if (clock is not null)
        {
            services.AddKeyedSingleton(ReminderTimeProviderNames.Reminders, clock);
            // Orleans keeps armed only the reminders due within a loading window (10 minutes) and loads the next ones on a
            // periodic refresh; a clock moved by hand jumps days at once, so every reminder stays armed and a jump fires
            // all that fell due.
            services.Configure<ReminderOptions>(o => o.ReminderLoadingWindow = TimeSpan.FromDays(3650));
        }

        services.AddSingleton(sp => new DeskClock(sp.GetRequiredKeyedService<TimeProvider>(ReminderTimeProviderNames.Reminders)));
        AddSerializer(services);
        return silo;
    }

    /// <summary>Configures a client of the desk.</summary>
    public static IClientBuilder Configure(IClientBuilder client)
    {
        AddSerializer(client.Services);
        return client;
    }

    /// <summary>The library's types cross the wire as the library's own JSON (<c>ConfigureForServiceQuality()</c>); its exceptions as Orleans carries any exception.</summary>
    private static void AddSerializer(IServiceCollection services)
    {
        // A refused command's DomainRuleViolationException reaches the caller with its message and type name.
        services.Configure<ExceptionSerializationOptions>(o => o.SupportedNamespacePrefixes.Add("ServiceQuality"));
        services.AddSerializer(serializer => serializer.AddJsonSerializer(
            isSupported: type => type.Namespace is { } ns && (ns.StartsWith("ServiceQuality.", StringComparison.Ordinal) || ns == "NodaTime") && !type.IsAssignableTo(typeof(Exception)),
            jsonSerializerOptions: Centre.Json));
    }
}
