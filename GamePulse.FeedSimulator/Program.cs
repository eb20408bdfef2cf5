using GamePulse.Hosting;

namespace GamePulse.FeedSimulator;

// A named entry point, not top-level statements: those make a global public Program, which would clash with the
// Web's in the test project that references both.
public static class Program
{
    public static Task<int> Main(string[] args) => StartupGuard.RunAsync("feed-simulator", async () =>
    {
        await using var app = SimulatorHost.Build(args, TimeProvider.System);
        await app.RunAsync();
        return 0;
    });
}
