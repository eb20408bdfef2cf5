using System.Globalization;
using GamePulse.Tests.Support;

namespace GamePulse.Tests.Web.Home;

/// <summary>The home page opens with "Best right now" by Pulse, or "Best of yesterday" when nothing is live.</summary>
[TestClass]
public sealed class HomePulseTests
{
    [TestMethod]
    public async Task Best_right_now_lists_the_live_games_by_Pulse()
    {
        await using var site = await SiteTestHost.StartAsync();
        var expected = await site.Database.QueryAsync<long>(
            "SELECT id FROM games WHERE state IN ('live', 'halftime') AND pulse_score IS NOT NULL ORDER BY pulse_score DESC, start_time, id");
        Assert.HasCount(2, expected);

        var (_, page) = await site.GetPageAsync("/");

        var items = page.QuerySelectorAll("[data-testid='home-best-live-item'] [data-testid='game-card']");
        CollectionAssert.AreEqual(expected.ToList(), items.Select(c => long.Parse(c.GetAttribute("data-game-id")!, CultureInfo.InvariantCulture)).ToList());
        Assert.IsTrue(items.All(c => c.QuerySelector("[data-testid='game-card-pulse']") is not null));
        Assert.IsNull(page.QuerySelector("[data-testid='home-best-finals']"), "yesterday's best only when nothing is live");

        // Raising the halftime game's Pulse above the live one (and telling the Web) reorders the list.
        var lowest = expected[^1];
        await site.Database.ExecuteAsync("UPDATE games SET pulse_score = 100 WHERE id = @lowest", new { lowest });
        await site.Database.ExecuteAsync("NOTIFY gamepulse_games, 'mens-college-basketball:2025-03-08'");
        var reordered = await PollUntilAsync(site, lowest);
        Assert.AreEqual(lowest, reordered);
    }

    private static async Task<long> PollUntilAsync(SiteTestHost site, long expectedFirst)
    {
        long first = 0;
        for (var attempt = 0; attempt < 50 && first != expectedFirst; attempt++)
        {
            await Task.Delay(100);
            var (_, page) = await site.GetPageAsync("/");
            first = long.Parse(page.QuerySelector("[data-testid='home-best-live-item'] [data-testid='game-card']")!.GetAttribute("data-game-id")!, CultureInfo.InvariantCulture);
        }

        return first;
    }

    [TestMethod]
    public async Task With_nothing_live_the_home_page_shows_the_best_finals_of_yesterday()
    {
        await using var site = await SiteTestHost.StartAsync();
        // The evening's games ended; it is now noon ET the next day, a day without games.
        await site.Database.ExecuteAsync("UPDATE games SET state = 'final' WHERE id = ANY(@ids)", new { ids = new[] { site.Day.LiveId, site.Day.HalftimeId } });
        await site.Database.RecomputePulseAsync([site.Day.LiveId, site.Day.HalftimeId], ScoreboardDay.Now.AddHours(3));
        site.Factory.Clock.Now = new DateTimeOffset(2025, 3, 9, 17, 0, 0, TimeSpan.Zero);
        var expected = await site.Database.QueryAsync<long>(
            "SELECT id FROM games WHERE game_date = '2025-03-08' AND state = 'final' ORDER BY pulse_score DESC, start_time, id LIMIT 5");
        Assert.HasCount(5, expected, "four men's finals (two just ended) and the women's final");

        var (_, page) = await site.GetPageAsync("/");

        Assert.IsNull(page.QuerySelector("[data-testid='home-best-live']"));
        Assert.AreEqual("Best of yesterday by Pulse", page.QuerySelector("#home-best-finals-heading")!.TextContent);
        var items = page.QuerySelectorAll("[data-testid='home-best-finals-item'] [data-testid='game-card']");
        CollectionAssert.AreEqual(expected.ToList(), items.Select(c => long.Parse(c.GetAttribute("data-game-id")!, CultureInfo.InvariantCulture)).ToList());
    }
}
