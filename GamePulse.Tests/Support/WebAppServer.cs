using System.Net;
using GamePulse.Web.Site;
using Microsoft.AspNetCore.Builder;

namespace GamePulse.Tests.Support;

/// <summary>
/// The real GamePulse.Web (WebHost.Build, Kestrel, Production environment) on 127.0.0.1 and a free port, for tests
/// that need a real socket: nginx in front of it, forwarded headers from a loopback peer, request logs.
/// </summary>
public sealed class WebAppServer : IAsyncDisposable
{
    private readonly WebApplication app;
    private bool stopped;

    private WebAppServer(WebApplication app, Uri baseAddress)
    {
        this.app = app;
        BaseAddress = baseAddress;
    }

    public Uri BaseAddress { get; }

    /// <summary>The app's services (e.g. its NOTIFY listener, to wait for an eviction instead of sleeping).</summary>
    public IServiceProvider Services => app.Services;

    public int Port => BaseAddress.Port;

    /// <param name="settings">Extra command-line settings, e.g. "--Web:KnownNetworks=10.0.0.0/8".</param>
    public static async Task<WebAppServer> StartAsync(string connectionString, params string[] settings)
    {
        var app = WebHost.Build([
            "--urls=http://127.0.0.1:0",
            $"--contentRoot={Path.Combine(RepositoryPaths.Root, "GamePulse.Web")}",
            "--environment=Production",
            "--applicationName=GamePulse.Web",
            $"--ConnectionStrings:GamePulse={connectionString}",
            "--Site:PublicBaseUrl=http://gamepulse.test",
            .. settings,
        ]);
        await app.StartAsync();
        var address = app.Urls.Select(url => new Uri(url)).Single(uri => uri.Port != 0);
        return new WebAppServer(app, new Uri($"http://{IPAddress.Loopback}:{address.Port}/"));
    }

    public async Task StopAsync()
    {
        if (!stopped)
        {
            stopped = true;
            await app.StopAsync();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        await app.DisposeAsync();
    }
}
