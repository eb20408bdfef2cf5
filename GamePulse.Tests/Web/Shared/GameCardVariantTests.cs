using System.Text.Encodings.Web;
using AngleSharp.Html.Parser;
using GamePulse.Data.Games;
using GamePulse.Data.Viewing;
using GamePulse.Web.Pages.Shared;

namespace GamePulse.Tests.Web.Shared;

/// <summary>The game card in a viewer's variant: its zone's tip-off time, and nothing of the result when spoiler-free.</summary>
[TestClass]
public sealed class GameCardVariantTests
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
        PulseScore = 81,
        PulseFactors = ["Decided by 3 points", "Overtime", "Texas A&M came back from 14 down"],
        Home = new GameTeam(1, "texas-am", "Texas A&M Aggies", "Texas A&M", null, null, null, Score: 80, Rank: 7, Seed: null, Record: "24-7", ConferenceId: null, LineScores: null),
        Away = new GameTeam(2, "st-johns", "St. John's Red Storm", "St. John's", null, null, null, Score: 77, Rank: null, Seed: null, Record: "20-9", ConferenceId: null, LineScores: null),
    };

    /// <summary>Midnight ET: the evening before in Hawaii.</summary>
    private static readonly GameSummary Scheduled = Final with
    {
        State = GameState.Scheduled,
        StartTime = new DateTimeOffset(2025, 3, 9, 5, 0, 0, TimeSpan.Zero),
        GameDate = new DateOnly(2025, 3, 9),
        Home = Final.Home with { Score = null },
        Away = Final.Away with { Score = null },
    };

    private static AngleSharp.Dom.IElement Render(GameSummary game, ViewVariant view, GameCardMemo? memo = null)
    {
        using var writer = new StringWriter();
        new GameCardHtml(game, null, memo, view).WriteTo(writer, HtmlEncoder.Default);
        return new HtmlParser().ParseDocument($"<ul><li>{writer}</li></ul>").QuerySelector("[data-testid='game-card']")!;
    }

    private static ViewVariant Zone(string code, bool hide = false) => new(ViewTimeZones.Find(code)!, hide);

    [TestMethod]
    public void A_spoiler_free_card_has_no_score_winner_record_or_revealing_factor_and_links_to_show_it()
    {
        var card = Render(Final, Zone("et", hide: true));
        var html = card.OuterHtml;

        Assert.AreEqual("", card.QuerySelector("[data-testid='game-card-home-score']")!.TextContent, "no home score");
        Assert.AreEqual("", card.QuerySelector("[data-testid='game-card-away-score']")!.TextContent, "no away score");
        Assert.IsNull(card.QuerySelector(".winner"), "no winner");
        Assert.IsNull(card.QuerySelector("[data-testid='game-card-record']"), "no record");
        Assert.AreEqual("St. John's at No. 7 Texas A&M — Final OT", card.GetAttribute("aria-label"), "a title without the score");
        Assert.AreEqual("Pulse 81: Close all the way · Went to overtime · Big comeback", card.QuerySelector("[data-testid='game-card-pulse']")!.GetAttribute("title"), "factors reworded");
        Assert.AreEqual("/mens-college-basketball/games/42/st-johns-at-texas-am-2025-03-08?spoilers=show", card.QuerySelector("[data-testid='game-card-show-score']")!.GetAttribute("href"), "show score");
        foreach (var leak in new[] { "80", "77", "14 down", "24-7" })
        {
            Assert.DoesNotContain(leak, html, $"\"{leak}\" is nowhere in the markup");
        }
    }

    [TestMethod]
    public void A_scheduled_card_reads_in_the_viewers_zone_with_the_day_when_it_is_another()
    {
        Assert.AreEqual("12:00 AM ET", Render(Scheduled, ViewVariant.Default).QuerySelector("[data-testid='game-card-state']")!.TextContent, "the default: ET");
        Assert.AreEqual("Sat 9:00 PM PT", Render(Scheduled, Zone("pt")).QuerySelector("[data-testid='game-card-state']")!.TextContent, "the evening before in Pacific time, on Sunday's scoreboard");
        Assert.AreEqual("2025-03-08T19:00:00-10:00", Render(Scheduled, Zone("ht")).QuerySelector("time")!.GetAttribute("datetime"), "Hawaii's offset");
        Assert.IsNull(Render(Scheduled, Zone("pt", hide: true)).QuerySelector("[data-testid='game-card-show-score']"), "nothing to reveal before tip-off");
    }

    [TestMethod]
    public void A_memo_of_the_default_cards_is_never_copied_into_a_variant()
    {
        var memo = new GameCardMemo([Final]);
        for (var i = 0; i < 3; i++)
        {
            Render(Final, ViewVariant.Default, memo); // the memo now keeps the default card
        }

        Assert.AreEqual("", Render(Final, Zone("et", hide: true), memo).QuerySelector("[data-testid='game-card-home-score']")!.TextContent, "spoiler-free despite a kept default card");
        Assert.AreEqual("80", Render(Final, ViewVariant.Default, memo).QuerySelector("[data-testid='game-card-home-score']")!.TextContent, "the default still from the memo");
    }
}
