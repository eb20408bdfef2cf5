using System.Globalization;
using GamePulse.Tests.Support;

namespace GamePulse.Tests.Web.Games;

/// <summary>The game page's Pulse: the number, its factors in words, and the accessible chart from pulse_history.</summary>
[TestClass]
public sealed class GamePulseTests
{
    private static SiteTestHost site = null!;

    [ClassInitialize]
    public static async Task Start(TestContext context) => site = await SiteTestHost.StartAsync();

    [ClassCleanup]
    public static async Task Stop() => await site.DisposeAsync();

    [TestMethod]
    public async Task A_live_game_shows_its_Pulse_factors_in_words_and_a_chart_with_its_data_as_a_table()
    {
        var id = site.Day.LiveId;
        var (score, factors) = (await site.Database.QueryAsync<(int Score, string[] Factors)>(
            "SELECT pulse_score, pulse_factors FROM games WHERE id = @id", new { id })).Single();
        var history = await site.Database.QueryAsync<int>("SELECT score FROM pulse_history WHERE game_id = @id ORDER BY observed_at, id", new { id });
        Assert.IsGreaterThan(1, history.Count, "the live game's Pulse changed over the seeded evening");

        var (_, page) = await site.GetPageAsync($"/mens-college-basketball/games/{id}/north-carolina-at-duke-2025-03-08");

        Assert.AreEqual(score.ToString(CultureInfo.InvariantCulture), page.QuerySelector("[data-testid='game-pulse-score']")!.TextContent);
        Assert.Contains("right now", page.QuerySelector("[data-testid='game-pulse-measures']")!.TextContent);
        CollectionAssert.AreEqual(factors, page.QuerySelectorAll("[data-testid='game-pulse-factor']").Select(f => f.TextContent).ToArray());
        Assert.IsNotEmpty(factors);

        var chart = page.QuerySelector("[data-testid='game-pulse-chart']")!;
        var svg = chart.QuerySelector("svg")!;
        Assert.AreEqual("img", svg.GetAttribute("role"));
        Assert.AreEqual("Pulse over the game", svg.QuerySelector("title")!.TextContent);
        Assert.Contains($"to {history[^1]}", svg.QuerySelector("desc")!.TextContent);
        Assert.Contains($"peaking at {history.Max()}", svg.QuerySelector("desc")!.TextContent);
        var rows = chart.QuerySelectorAll("[data-testid='game-pulse-chart-row'] td:last-child").Select(c => int.Parse(c.TextContent, CultureInfo.InvariantCulture)).ToList();
        CollectionAssert.AreEqual(history.ToList(), rows, "the table carries every stored point");
        // Steps: each change after the first adds a horizontal and a vertical segment.
        var points = chart.QuerySelector("[data-testid='game-pulse-chart-line']")!.GetAttribute("points")!.Split(' ');
        Assert.HasCount((history.Count * 2) - 1, points);
        Assert.IsTrue(points.All(p => p.Split(',').Select(v => double.Parse(v, System.Globalization.CultureInfo.InvariantCulture)).All(v => v is >= 0 and <= 600)));
    }

    [TestMethod]
    public async Task A_final_says_what_its_Pulse_measures_and_a_postponed_game_has_none()
    {
        var (_, final) = await site.GetPageAsync($"/mens-college-basketball/games/{site.Day.FinalOvertimeId}/villanova-at-uconn-2025-03-08");
        Assert.Contains("how good the game was", final.QuerySelector("[data-testid='game-pulse-measures']")!.TextContent);
        Assert.IsTrue(final.QuerySelectorAll("[data-testid='game-pulse-factor']").Any(f => f.TextContent == "Overtime"));
        Assert.IsNull(final.QuerySelector("[data-testid='game-pulse-chart']"), "one computation is no chart");

        var (_, postponed) = await site.GetPageAsync($"/mens-college-basketball/games/{site.Day.PostponedId}/alabama-at-auburn-2025-03-08");
        Assert.IsNull(postponed.QuerySelector("[data-testid='game-pulse']"));
    }
}
