using Microsoft.Extensions.Time.Testing;
using NodaTime;
using Orleans.TestingHost;
using ServiceDesk.Orleans.Grains;
using ServiceDesk.Orleans.Hosting;
using ServiceDesk.Orleans.Journal;

namespace ServiceDesk.Orleans.Tests;

/// <summary>
/// Two silos in an <see cref="InProcessTestCluster"/>, configured exactly as the command line's cluster, on a SQLite
/// journal of their own in a temporary directory, with the desk's clock a <see cref="FakeTimeProvider"/> the test moves.
/// </summary>
internal sealed class DeskCluster : IAsyncDisposable
{
    private DeskCluster(InProcessTestCluster cluster, FakeTimeProvider clock, DirectoryInfo directory)
    {
        (Cluster, Clock, Directory) = (cluster, clock, directory);
        Journal = CaseJournal.Open(JournalFile);
    }

    public InProcessTestCluster Cluster { get; }

    public IClusterClient Client => Cluster.Client;

    public FakeTimeProvider Clock { get; }

    public DirectoryInfo Directory { get; }

    public string JournalFile => Path.Combine(Directory.FullName, "journal.db");

    /// <summary>The journal as the test reads it (its own connection to the silos' file).</summary>
    public CaseJournal Journal { get; }

    public Instant Now => Instant.FromDateTimeOffset(Clock.GetUtcNow());

    /// <summary>Starts the two silos with the desk's clock at <paramref name="clockStart"/> and the read model counting at <paramref name="cut"/> (a month on by default).</summary>
    public static async Task<DeskCluster> StartAsync(Instant clockStart, Instant? cut = null)
    {
        var readModelCut = cut ?? clockStart + Duration.FromDays(31);
        var directory = System.IO.Directory.CreateTempSubdirectory("servicedesk-orleans-tests-");
        var clock = new FakeTimeProvider(clockStart.ToDateTimeOffset());
        var journal = Path.Combine(directory.FullName, "journal.db");
        var builder = new InProcessTestClusterBuilder(2);
        builder.ConfigureSilo((_, silo) => DeskSilo.Configure(silo, journal, clock, readModelCut));
        builder.ConfigureClient(client => DeskSilo.Configure(client));
        var cluster = builder.Build();
        await cluster.DeployAsync();
        return new DeskCluster(cluster, clock, directory);
    }

    /// <summary>Moves the desk's clock forward to <paramref name="at"/> (never back).</summary>
    public void MoveClockTo(Instant at)
    {
        if (at > Now)
        {
            Clock.SetUtcNow(at.ToDateTimeOffset());
        }
    }

    /// <summary>
    /// Polls until <paramref name="condition"/> holds, for at most a minute of real time (a failure, not a measurement).
    /// Every second of waiting <paramref name="nudge"/> runs: Orleans arms a reminder asynchronously after it is
    /// registered, and one armed only after the clock passed its instant waits for the next tick of its period (a minute)
    /// — so a test that moves the clock also moves it on a minute now and then, and compares at the clock's instant.
    /// </summary>
    public static async Task Eventually(Func<Task<bool>> condition, string what, Action? nudge = null)
    {
        var start = DateTime.UtcNow;
        var nudged = start;
        while (!await condition())
        {
            if (DateTime.UtcNow > start.AddMinutes(1))
            {
                Assert.Fail($"Still not true after a minute: {what}.");
            }

            if (nudge is not null && DateTime.UtcNow > nudged.AddSeconds(1))
            {
                nudge();
                nudged = DateTime.UtcNow;
            }

            await Task.Delay(50);
        }
    }

    /// <summary>Whether every case in the grains has exactly the history the single-process host's copy has.</summary>
    public async Task<bool> HoldsAsync(SingleProcessDesk reference)
    {
        foreach (var (id, ticket) in reference.Tickets)
        {
            if (!ticket.History.SequenceEqual(await Client.GetGrain<ITicketGrain>(id).History()))
            {
                return false;
            }
        }

        foreach (var (id, complaint) in reference.Complaints)
        {
            if (!complaint.History.SequenceEqual(await Client.GetGrain<IComplaintGrain>(id).History()))
            {
                return false;
            }
        }

        return true;
    }

    public async ValueTask DisposeAsync()
    {
        await Cluster.DisposeAsync();
        await Journal.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(recursive: true);
    }
}
