using System.Globalization;
using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using GamePulse.Tests.Support;

namespace GamePulse.Tests.Web.Scores;

/// <summary>Pulse on the scoreboard: a badge on every card, ?order=pulse (a shareable URL) and 400 for other orders.</summary>
[TestClass]
public sealed class ScoreboardPulseOrderTests
{
    private const string Day = "/mens-college-basketball/scores/2025-03-08";
    private static SiteTestHost site = null!;

    [ClassInitialize]
    public static async Task Start(TestContext context) => site = await SiteTestHost.StartAsync();

    [ClassCleanup]
    public static async Task Stop() => await site.DisposeAsync();

    private static async Task<Dictionary<long, int?>> StoredPulseAsync() =>
        (await site.Database.QueryAsync<(long Id, int? Score)>("SELECT id, pulse_score FROM games WHERE game_date = '2025-03-08' AND league_id = 1"))
        .ToDictionary(r => r.Id, r => r.Score);

    private static List<long> Ids(IParentNode section) =>
        [.. section.QuerySelectorAll("[data-testid='game-card']").Select(c => long.Parse(c.GetAttribute("data-game-id")!, CultureInfo.InvariantCulture))];

    [TestMethod]
    public async Task Every_card_shows_its_stored_Pulse_except_postponed_and_canceled_games()
    {
        var stored = await StoredPulseAsync();
        var (_, page) = await site.GetPageAsync(Day);

        var cards = page.QuerySelectorAll("[data-testid='game-card']");
        Assert.HasCount(8, cards);
        foreach (var card in cards)
        {
            var id = long.Parse(card.GetAttribute("data-game-id")!, CultureInfo.InvariantCulture);
            var badge = card.QuerySelector("[data-testid='game-card-pulse']");
            if (id == site.Day.PostponedId || id == site.Day.CanceledId)
            {
                Assert.IsNull(badge, $"game {id} has nothing to watch and no badge");
                continue;
            }

            Assert.IsNotNull(stored[id], $"the test day computes Pulse for game {id}");
            Assert.IsNotNull(badge, $"game {id} has a badge");
            Assert.AreEqual(Convert.ToString(stored[id], CultureInfo.InvariantCulture), badge.QuerySelector("[data-testid='game-card-pulse-score']")!.TextContent);
            Assert.Contains($"Pulse {stored[id]}", badge.GetAttribute("title")!);
            Assert.StartsWith($"Pulse {stored[id]} out of 100", badge.TextContent, "screen readers hear what the number is");
        }
    }

    [TestMethod]
    public async Task Order_pulse_lists_each_section_by_Pulse_and_keeps_it_in_the_links_and_the_poll()
    {
        var stored = await StoredPulseAsync();
        var (_, byTime) = await site.GetPageAsync(Day);
        var (_, byPulse) = await site.GetPageAsync(Day + "?order=pulse");

        var changed = 0;
        foreach (var key in new[] { "live", "upcoming", "final" })
        {
            var timeIds = Ids(byTime.QuerySelector($"[data-testid='scores-section-{key}']")!);
            var pulseIds = Ids(byPulse.QuerySelector($"[data-testid='scores-section-{key}']")!);
            CollectionAssert.AreEquivalent(timeIds, pulseIds, $"{key}: the same games");
            var scores = pulseIds.Select(id => stored[id] ?? -1).ToList();
            CollectionAssert.AreEqual(scores.OrderByDescending(s => s).ToList(), scores, $"{key}: highest Pulse first");
            changed += timeIds.SequenceEqual(pulseIds) ? 0 : 1;
        }

        Assert.IsGreaterThan(0, changed, "the seeded day has a section whose Pulse order differs from tip-off order");
        Assert.AreEqual(Day + "?order=pulse", byPulse.QuerySelector("[data-testid='scores-games']")!.GetAttribute("hx-get"), "the poll keeps the order");
        Assert.AreEqual(Day, byTime.QuerySelector("[data-testid='scores-games']")!.GetAttribute("hx-get"));
        Assert.AreEqual("page", byPulse.QuerySelector("[data-testid='scores-order-pulse']")!.GetAttribute("aria-current"));
        Assert.IsNull(byPulse.QuerySelector("[data-testid='scores-order-time']")!.GetAttribute("aria-current"));
        Assert.AreEqual(Day, byPulse.QuerySelector("[data-testid='scores-order-time']")!.GetAttribute("href"));
        Assert.AreEqual(Day + "?order=pulse", byTime.QuerySelector("[data-testid='scores-order-pulse']")!.GetAttribute("href"));
        Assert.AreEqual("/mens-college-basketball/scores/2025-03-05?order=pulse", byPulse.QuerySelector("[data-testid='scores-date-previous']")!.GetAttribute("href"));
        Assert.AreEqual($"{SiteFactory.PublicBaseUrl}{Day}", SiteTestHost.Canonical(byPulse), "canonical stays the unordered URL");
    }

    [TestMethod]
    public async Task The_output_cache_and_the_poll_validator_vary_by_order()
    {
        // Unordered, ordered, unordered again: a cache keyed without the order would answer the second or third
        // request with the other order's body.
        var first = Ids((await site.GetPageAsync(Day)).Document);
        var ordered = Ids((await site.GetPageAsync(Day + "?order=pulse")).Document);
        var again = Ids((await site.GetPageAsync(Day)).Document);
        CollectionAssert.AreEqual(first, again);
        CollectionAssert.AreNotEqual(first, ordered);

        async Task<HttpResponseMessage> PollAsync(string path)
        {
            var request = new HttpRequestMessage(HttpMethod.Get, path);
            request.Headers.Add("HX-Request", "true");
            return await site.Client().SendAsync(request);
        }

        var plainPoll = await PollAsync(Day);
        var pulsePoll = await PollAsync(Day + "?order=pulse");
        Assert.AreEqual(HttpStatusCode.OK, pulsePoll.StatusCode);
        Assert.AreNotEqual(plainPoll.Headers.ETag!.ToString(), pulsePoll.Headers.ETag!.ToString());
        var fragment = new HtmlParser().ParseDocument(await pulsePoll.Content.ReadAsStringAsync());
        CollectionAssert.AreEqual(ordered, Ids(fragment));
    }

    [TestMethod]
    [DataRow("?order=best")]
    [DataRow("?order=PULSE")]
    [DataRow("?order=pulse&order=pulse")]
    [DataRow("?order=time")]
    public async Task Any_other_order_is_a_400_on_the_sites_error_page(string query)
    {
        var (response, page) = await site.GetPageAsync(Day + query, HttpStatusCode.BadRequest);

        Assert.IsNotNull(page.QuerySelector("[data-testid='error-heading']"), "the site's own error page");
        Assert.DoesNotContain("Exception", page.DocumentElement.OuterHtml);
        Assert.AreEqual("text/html", response.Content.Headers.ContentType!.MediaType);
    }

    [TestMethod]
    public async Task The_date_picker_keeps_the_Pulse_order()
    {
        var (_, page) = await site.GetPageAsync(Day + "?order=pulse");
        Assert.IsNotNull(page.QuerySelector("[data-testid='scores-date-form'] input[type=hidden][name=order][value=pulse]"));

        var response = await site.Client().GetAsync("/mens-college-basketball/scores?date=2025-03-11&order=pulse");

        Assert.AreEqual(HttpStatusCode.Redirect, response.StatusCode);
        Assert.AreEqual("/mens-college-basketball/scores/2025-03-11?order=pulse", response.Headers.Location!.OriginalString);
    }
}
