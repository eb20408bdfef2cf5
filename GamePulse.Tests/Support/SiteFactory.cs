using GamePulse.Web.Caching;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace GamePulse.Tests.Support;

/// <summary>
/// The real Web app over a test class's database, configured the way production is (settings, not code), with the
/// clock fixed to a moment of the seeded game day. <see cref="StartOnLoopback"/> serves it on a real Kestrel port
/// for browsers and load tools.
/// </summary>
public sealed class SiteFactory(string connectionString, TestClock clock, IDictionary<string, string?>? settings = null) : WebApplicationFactory<Program>
{
    public const string PublicBaseUrl = "https://scores.example.test";

    public TestClock Clock { get; } = clock;

    public GamesNotificationListener Listener => Services.GetRequiredService<GamesNotificationListener>();

    /// <summary>Starts Kestrel on 127.0.0.1 with a free port and returns its base address.</summary>
    public Uri StartOnLoopback()
    {
        UseKestrel(0);
        StartServer();
        var address = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new Uri(address.Replace("[::]", "127.0.0.1", StringComparison.Ordinal).Replace("localhost", "127.0.0.1", StringComparison.Ordinal) + "/");
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Production"); // the real error pages, never the developer exception page
        builder.UseSetting("ConnectionStrings:GamePulse", connectionString);
        builder.UseSetting("Site:PublicBaseUrl", PublicBaseUrl);
        builder.UseSetting("Logging:MinimumLevel", "Warning");
        builder.UseSetting("urls", "http://127.0.0.1:0");
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(Clock));
    }
}

/// <summary>A clock the test sets: pages decide "today", "live" and "starting soon" from it.</summary>
public sealed class TestClock(DateTimeOffset now) : TimeProvider
{
    public DateTimeOffset Now { get; set; } = now;

    public override DateTimeOffset GetUtcNow() => Now;
}
