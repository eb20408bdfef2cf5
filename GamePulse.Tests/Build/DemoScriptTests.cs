using System.Diagnostics;
using System.Globalization;
using System.Text;
using GamePulse.Tests.Support;
using Microsoft.Playwright;

namespace GamePulse.Tests.Build;

/// <summary>
/// `make demo`'s script itself (build/demo.sh → build/run.sh) as real processes: the feed simulator, the Worker fed by
/// it, local SES and the Web, over the harness's PostgreSQL; a real Chromium then watches a live score change in place.
/// </summary>
[TestClass]
public sealed class DemoScriptTests
{
    private static readonly TimeSpan StartLimit = TimeSpan.FromSeconds(90);

    [TestMethod]
    [Timeout(240_000, CooperativeCancellation = true)]
    public async Task Make_demo_starts_everything_and_the_scoreboard_shows_simulated_games_changing_live()
    {
        var connectionString = await PostgresServer.CreateDatabaseAsync();
        var webPort = PostgresServer.FreePort();
        var output = new StringBuilder();
        using var demo = StartDemo(connectionString, webPort, output);
        try
        {
            var scoreboard = $"http://127.0.0.1:{webPort}/mens-college-basketball/scores";
            await WaitForLiveGamesAsync(scoreboard, demo, output);

            await using var browser = await ChromiumSession.LaunchAsync();
            await using var context = await browser.NewContextAsync();
            var page = await context.NewPageAsync();
            await page.GotoAsync(scoreboard);
            var live = page.GetByTestId("game-card").And(page.Locator(".state-live"));
            var cards = await live.CountAsync();
            Assert.IsGreaterThan(0, cards, "the scoreboard shows live games from the simulator");
            var before = await Scores(page);

            // The page polls its fragment every 15 s and the demo's games score every few seconds: within 40 s a
            // number must change without a reload.
            await page.WaitForFunctionAsync(
                "before => [...document.querySelectorAll('[data-testid=game-card].state-live,[data-testid=game-card].state-final,[data-testid=game-card].state-halftime')].map(c => c.dataset.gameId + ':' + [...c.querySelectorAll('.team-score')].map(s => s.textContent).join('-')).join(',') !== before",
                before,
                new PageWaitForFunctionOptions { Timeout = 40_000 });
            Assert.AreNotEqual(before, await Scores(page), "a score changed in place");
        }
        finally
        {
            await StopAsync(demo);
        }
    }

    private static Task<string> Scores(IPage page) => page.EvaluateAsync<string>(
        "() => [...document.querySelectorAll('[data-testid=game-card].state-live,[data-testid=game-card].state-final,[data-testid=game-card].state-halftime')].map(c => c.dataset.gameId + ':' + [...c.querySelectorAll('.team-score')].map(s => s.textContent).join('-')).join(',')");

    private static Process StartDemo(string connectionString, int webPort, StringBuilder output)
    {
        var start = new ProcessStartInfo("bash", [Path.Combine(RepositoryPaths.Root, "build", "demo.sh")])
        {
            WorkingDirectory = RepositoryPaths.Root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["ConnectionStrings__GamePulse"] = connectionString;
        start.Environment["GAMEPULSE_CONFIGURATION"] = "Release";
        start.Environment["GAMEPULSE_SKIP_BUILD"] = "1";
        start.Environment["GAMEPULSE_WEB_PORT"] = webPort.ToString(CultureInfo.InvariantCulture);
        start.Environment["GAMEPULSE_SES_PORT"] = FreePort();
        start.Environment["GAMEPULSE_SIM_PORT"] = FreePort();
        start.Environment["GAMEPULSE_DEMO_SPEED"] = "20";
        var process = Process.Start(start) ?? throw new InvalidOperationException("bash did not start");
        process.OutputDataReceived += (_, e) => Append(output, e.Data);
        process.ErrorDataReceived += (_, e) => Append(output, e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    private static string FreePort() => PostgresServer.FreePort().ToString(CultureInfo.InvariantCulture);

    private static void Append(StringBuilder output, string? line)
    {
        lock (output)
        {
            output.AppendLine(line);
        }
    }

    private static async Task WaitForLiveGamesAsync(string scoreboard, Process demo, StringBuilder output)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTime.UtcNow + StartLimit;
        while (DateTime.UtcNow < deadline)
        {
            if (demo.HasExited)
            {
                Assert.Fail($"demo.sh exited with {demo.ExitCode}: {output}");
            }

            try
            {
                if ((await http.GetStringAsync(scoreboard)).Contains("state-live\" data-testid=\"game-card\"", StringComparison.Ordinal))
                {
                    return;
                }
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
            {
                // The Web is not listening yet, or its first request (JIT, first queries) took longer than 5 s.
            }

            await Task.Delay(500);
        }

        Assert.Fail($"no live game on {scoreboard} within {StartLimit.TotalSeconds} s: {output}");
    }

    /// <summary>SIGTERM to the script (its trap stops every process it started), then whatever is left of its tree.</summary>
    private static async Task StopAsync(Process demo)
    {
        if (!demo.HasExited)
        {
            using (Process.Start("kill", ["-TERM", demo.Id.ToString(CultureInfo.InvariantCulture)]))
            {
            }

            using var wait = new CancellationTokenSource(TimeSpan.FromSeconds(20));
            try
            {
                await demo.WaitForExitAsync(wait.Token);
            }
            catch (OperationCanceledException)
            {
                demo.Kill(entireProcessTree: true);
            }
        }
    }
}
