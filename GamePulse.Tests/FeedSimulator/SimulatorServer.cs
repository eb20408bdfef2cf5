using GamePulse.FeedSimulator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace GamePulse.Tests.FeedSimulator;

/// <summary>A clock a test moves by hand: the simulator's games advance exactly as far as the test says.</summary>
public sealed class MovableClock(DateTimeOffset now) : TimeProvider
{
    public DateTimeOffset Now { get; set; } = now;

    public override DateTimeOffset GetUtcNow() => Now;
}

/// <summary>The feed simulator on real Kestrel at 127.0.0.1:{free port}, driven by a <see cref="MovableClock"/>.</summary>
public sealed class SimulatorServer : IAsyncDisposable
{
    private readonly WebApplication app;

    private SimulatorServer(WebApplication app, string baseUrl)
    {
        this.app = app;
        BaseUrl = baseUrl;
    }

    public string BaseUrl { get; }

    public static async Task<SimulatorServer> StartAsync(TimeProvider clock, params string[] args)
    {
        var app = SimulatorHost.Build(["--urls", "http://127.0.0.1:0", "--Logging:MinimumLevel", "Warning", .. args], clock);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new SimulatorServer(app, address);
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }
}
