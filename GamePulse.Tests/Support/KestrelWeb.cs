using System.Net;
using System.Net.Sockets;
using GamePulse.Web.Site;
using Microsoft.AspNetCore.Builder;

namespace GamePulse.Tests.Support;

/// <summary>The Web application on real Kestrel at http://127.0.0.1:{free port}, as browser and proxy tests need it.</summary>
public sealed class KestrelWeb : IAsyncDisposable
{
    private KestrelWeb(WebApplication app, string baseUrl)
    {
        App = app;
        BaseUrl = baseUrl;
    }

    public WebApplication App { get; }

    public string BaseUrl { get; }

    public static async Task<KestrelWeb> StartAsync(string connectionString, string environment = "Development", params string[] settings)
    {
        var baseUrl = $"http://127.0.0.1:{FreePort()}";
        var app = WebHost.Build(
        [
            "--environment", environment,
            "--applicationName", "GamePulse.Web", // the entry assembly is the test host; the Razor Pages live in GamePulse.Web
            "--contentRoot", Path.Combine(RepositoryPaths.Root, "GamePulse.Web"),
            "--urls", baseUrl,
            $"--ConnectionStrings:GamePulse={connectionString}",
            $"--Site:PublicBaseUrl={baseUrl}",
            "--Logging:MinimumLevel=Warning",
            .. settings,
        ]);
        await app.StartAsync();
        return new KestrelWeb(app, baseUrl);
    }

    public async ValueTask DisposeAsync()
    {
        await App.StopAsync();
        await App.DisposeAsync();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
