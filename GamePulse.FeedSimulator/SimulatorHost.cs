using GamePulse.FeedSimulator.Feed;
using GamePulse.FeedSimulator.Introspection;
using GamePulse.FeedSimulator.Slate;
using GamePulse.Hosting;

namespace GamePulse.FeedSimulator;

/// <summary>The simulator's web host: the feed paths, the introspection paths and a JSON 404 for anything else.</summary>
public static class SimulatorHost
{
    public static WebApplication Build(string[] args, TimeProvider clock)
    {
        var builder = WebApplication.CreateSlimBuilder(args);
        builder.Configuration.AddCommandLine(args, SimulatorOptions.Switches.ToDictionary());
        builder.Logging.ClearProviders();
        builder.Logging.AddGamePulseLogging(builder.Configuration, builder.Environment, "feed-simulator");
        builder.Services.AddOptions<SimulatorOptions>().Bind(builder.Configuration.GetSection(SimulatorOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddSingleton(clock);
        builder.Services.AddSingleton<Simulation>();
        var app = builder.Build();
        app.MapFeed();
        app.MapSimulatorIntrospection();
        app.MapFallback(() => FeedEndpoints.Problem(404, "No such path on the feed simulator."));
        return app;
    }
}
