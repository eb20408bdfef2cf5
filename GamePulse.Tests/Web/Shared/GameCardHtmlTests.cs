using System.Text.Encodings.Web;
using AngleSharp.Html.Parser;
using GamePulse.Data.Games;
using GamePulse.Web.Pages.Shared;
using Microsoft.AspNetCore.Html;

namespace GamePulse.Tests.Web.Shared;

/// <summary>The game card written without Razor: every value encoded, every state worded, one render per game version.</summary>
[TestClass]
public sealed class GameCardHtmlTests
{
    private static readonly GameSummary Final = new()
    {
        Id = 42,
        LeagueSlug = "mens-college-basketball",
        StartTime = new DateTimeOffset(2025, 3, 8, 23, 30, 0, TimeSpan.Zero),
        GameDate = new DateOnly(2025, 3, 8),
        State = GameState.Final,
        Period = 3,
        SeasonType = "regular",
        Broadcast = "ESPN2",
        Notes = "Big 12 <Quarterfinal> & more",
        PulseScore = 81,
        PulseFactors = ["Went to overtime", "Lead changed 9 times"],
        Home = new GameTeam(1, "texas-am", "Texas A&M Aggies", "Texas A&M", null, "500000",
            "https://a.espncdn.com/i/teamlogos/ncaa/500/245.png?x=1&y=\"2\"", Score: 80, Rank: 7, Seed: null, Record: "24-7", ConferenceId: null, LineScores: null),
        Away = new GameTeam(2, "st-johns", "St. John's Red Storm", "St. John's", null, null, null, Score: 77, Rank: null, Seed: 2, Record: null, ConferenceId: null, LineScores: null),
    };

    private static GameSummary WithScores(GameSummary game, int? home, int? away) =>
        game with { Home = game.Home with { Score = home }, Away = game.Away with { Score = away } };

    private static string Render(GameSummary game, IHtmlContent? actions = null)
    {
        using var writer = new StringWriter();
        new GameCardHtml(game, actions).WriteTo(writer, HtmlEncoder.Default);
        return writer.ToString();
    }

    [TestMethod]
    public void Every_value_is_encoded_and_read_back_as_written()
    {
        var html = Render(Final);

        Assert.DoesNotContain("<Quarterfinal>", html);
        Assert.DoesNotContain("y=\"2\"", html);
        var card = new HtmlParser().ParseDocument($"<ul><li>{html}</li></ul>").QuerySelector("[data-testid='game-card']")!;
        Assert.AreEqual("42", card.GetAttribute("data-game-id"));
        Assert.AreEqual("No. 7 Texas A&M 80, St. John's 77 — Final OT", card.GetAttribute("aria-label"));
        Assert.AreEqual("/mens-college-basketball/games/42/st-johns-at-texas-am-2025-03-08", card.QuerySelector("[data-testid='game-card-link']")!.GetAttribute("href"));
        Assert.AreEqual("Big 12 <Quarterfinal> & more", card.QuerySelector("[data-testid='game-card-notes']")!.TextContent);
        Assert.AreEqual("Texas A&M", card.QuerySelector("[data-testid='game-card-home'] [data-testid='game-card-team-name']")!.TextContent);
        Assert.AreEqual("https://a.espncdn.com/i/teamlogos/ncaa/500/245.png?x=1&y=\"2\"", card.QuerySelector("[data-testid='game-card-home'] img")!.GetAttribute("src"));
        Assert.AreEqual("Texas A&M Aggies logo", card.QuerySelector("[data-testid='game-card-home'] img")!.GetAttribute("alt"));
        Assert.AreEqual("7", card.QuerySelector("[data-testid='game-card-home'] [data-testid='game-card-rank']")!.TextContent);
        Assert.AreEqual("2", card.QuerySelector("[data-testid='game-card-away'] [data-testid='game-card-seed']")!.TextContent.Trim('(', ')'));
        Assert.IsNull(card.QuerySelector("[data-testid='game-card-away'] img"), "no logo: a fixed-size placeholder instead");
        Assert.AreEqual("80", card.QuerySelector("[data-testid='game-card-home-score']")!.TextContent);
        Assert.AreEqual("77", card.QuerySelector("[data-testid='game-card-away-score']")!.TextContent);
        StringAssert.Contains(card.QuerySelector("[data-testid='game-card-home']")!.ClassName, "winner");
        Assert.AreEqual("Final OT", card.QuerySelector("[data-testid='game-card-state']")!.TextContent);
        Assert.AreEqual("81", card.QuerySelector("[data-testid='game-card-pulse-score']")!.TextContent);
        Assert.AreEqual("Pulse 81: Went to overtime · Lead changed 9 times", card.QuerySelector("[data-testid='game-card-pulse']")!.GetAttribute("title"));
    }

    [TestMethod]
    public void A_scheduled_game_shows_its_Eastern_start_time_and_no_scores()
    {
        var scheduled = WithScores(Final with { Id = 43, State = GameState.Scheduled, Period = null, PulseScore = null }, null, null);

        var card = new HtmlParser().ParseDocument(Render(scheduled)).QuerySelector("[data-testid='game-card']")!;

        var time = card.QuerySelector("time[data-testid='game-card-state']")!;
        Assert.AreEqual("2025-03-08T18:30:00-05:00", time.GetAttribute("datetime"));
        Assert.AreEqual("6:30 PM ET", time.TextContent);
        Assert.AreEqual("", card.QuerySelector("[data-testid='game-card-home-score']")!.TextContent);
        Assert.IsNull(card.QuerySelector("[data-testid='game-card-pulse']"));
        Assert.AreEqual("St. John's at No. 7 Texas A&M — Sat, Mar 8, 6:30 PM ET", card.GetAttribute("aria-label"));
    }

    [TestMethod]
    public void Each_version_of_a_game_renders_its_own_card_and_actions_stay_per_visitor()
    {
        var live = WithScores(Final with { State = GameState.Live, Period = 2, Clock = "4:12" }, 70, 71);
        var later = WithScores(live with { Clock = "0:45" }, 74, live.Away.Score);

        var first = Render(live);
        var again = Render(live, new HtmlString("<div data-testid=\"game-card-follows\"></div>"));
        var next = Render(later);

        StringAssert.Contains(first, ">2nd 4:12<");
        Assert.DoesNotContain("game-card-follows", first);
        StringAssert.Contains(again, "<div data-testid=\"game-card-follows\"></div></article>");
        Assert.AreEqual(first, again.Replace("<div data-testid=\"game-card-follows\"></div>", ""));
        StringAssert.Contains(next, ">2nd 0:45<");
        StringAssert.Contains(next, "data-testid=\"game-card-home-score\">74<");
    }

    [TestMethod]
    public void A_shared_game_is_rendered_once_and_a_new_version_afresh()
    {
        var live = WithScores(Final with { Id = 44, State = GameState.Live, Period = 2, Clock = "4:12" }, 70, 71);
        SharedGameText.Share([live]);

        var first = Render(live);
        var memo = SharedGameText.Of(live)!;
        var copied = memo.Card(live, HtmlEncoder.Default, (_, _) => throw new AssertFailedException("rendered twice"));
        var later = WithScores(live with { Clock = "0:45" }, 74, live.Away.Score);

        Assert.AreEqual(first, copied + "</article>");
        Assert.AreSame(memo.Label(live), GameLabel.For(live));
        Assert.IsNull(SharedGameText.Of(later), "a new version is a new object, not yet shared");
        StringAssert.Contains(Render(later), "data-testid=\"game-card-home-score\">74<");
    }
}
