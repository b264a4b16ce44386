using System.Net;
using NodaTime;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace ServiceDesk.Orleans.Hosting;

/// <summary>
/// A two-silo cluster on 127.0.0.1 in this process (each silo a host of its own, talking to the other over TCP, the first
/// the primary of the development membership), and a client connected to both gateways.
/// </summary>
internal sealed class LocalCluster : IAsyncDisposable
{
    private readonly List<IHost> _hosts = [];

    private LocalCluster()
    {
    }

    public IClusterClient Client { get; private set; } = null!;

    public static async Task<LocalCluster> StartAsync(string journalFile, TimeProvider? clock, int basePort, Instant cut)
    {
        var cluster = new LocalCluster();
        try
        {
            var primary = new IPEndPoint(IPAddress.Loopback, basePort);
            for (var i = 0; i < 2; i++)
            {
                var (siloPort, gatewayPort) = (basePort + i, basePort + 100 + i);
                var silo = Host.CreateDefaultBuilder()
                    .ConfigureLogging(logging => logging.ClearProviders())
                    .UseOrleans(builder => DeskSilo.Configure(builder.UseLocalhostClustering(siloPort, gatewayPort, primary, "servicedesk", "servicedesk"), journalFile, clock, cut))
                    .Build();
                cluster._hosts.Add(silo);
                await silo.StartAsync();
            }

            var client = Host.CreateDefaultBuilder()
                .ConfigureLogging(logging => logging.ClearProviders())
                .UseOrleansClient(builder => DeskSilo.Configure(builder.UseLocalhostClustering([basePort + 100, basePort + 101], "servicedesk", "servicedesk")))
                .Build();
            cluster._hosts.Add(client);
            await client.StartAsync();
            cluster.Client = client.Services.GetRequiredService<IClusterClient>();
            return cluster;
        }
        catch
        {
            await cluster.DisposeAsync();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        for (var i = _hosts.Count - 1; i >= 0; i--)
        {
            await _hosts[i].StopAsync();
            _hosts[i].Dispose();
        }
    }
}
