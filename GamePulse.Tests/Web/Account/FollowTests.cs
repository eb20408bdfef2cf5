using System.Net;
using AngleSharp.Html.Parser;
using GamePulse.Tests.Support;

namespace GamePulse.Tests.Web.Account;

[TestClass]
public sealed class FollowTests : IAsyncDisposable
{
    private TestDatabase database = null!;
    private AccountSite site = null!;
    private SiteBrowser browser = null!;
    private int dukeId;

    [TestInitialize]
    public async Task Start()
    {
        database = await TestDatabase.CreateAsync();
        site = new AccountSite(database.ConnectionString);
        browser = site.Browser();
        dukeId = (await database.Teams.FindBySlugAsync(1, "duke"))!.Id;
        await browser.RequestLinkAsync("follower@example.com");
        var text = (await database.QueryAsync<string>("SELECT text_body FROM email_outbox ORDER BY id DESC LIMIT 1")).Single();
        using var confirm = await browser.ConfirmAsync(SiteBrowser.TokenIn(text));
        Assert.AreEqual(HttpStatusCode.Redirect, confirm.StatusCode);
    }

    public async ValueTask DisposeAsync()
    {
        browser.Dispose();
        await site.DisposeAsync();
        await database.DisposeAsync();
    }

    private Task<HttpResponseMessage> PostFollowAsync(int teamId, bool follow, string returnUrl, bool htmx) =>
        browser.PostFormAsync("/account", $"/account/follows/{teamId}",
            new Dictionary<string, string> { ["follow"] = follow ? "true" : "false", ["returnUrl"] = returnUrl },
            htmx ? new Dictionary<string, string> { ["HX-Request"] = "true" } : null);

    private async Task<long> UserIdAsync() => await database.ScalarAsync<long>("SELECT id FROM users WHERE email = 'follower@example.com'");

    [TestMethod]
    [DataRow("maybe")]
    [DataRow("")]
    [DataRow("1")]
    public async Task A_follow_value_other_than_true_or_false_is_a_400_and_changes_nothing(string value)
    {
        await database.ExecuteAsync("INSERT INTO follows (user_id, team_id) VALUES (@user, @team)", new { user = await UserIdAsync(), team = dukeId });

        using var response = await browser.PostFormAsync("/account", $"/account/follows/{dukeId}",
            new Dictionary<string, string> { ["follow"] = value, ["returnUrl"] = "/account" });

        Assert.AreEqual(HttpStatusCode.BadRequest, response.StatusCode, $"follow={value}");
        CollectionAssert.AreEquivalent(new[] { dukeId }, (await database.Follows().GetFollowedTeamIdsAsync(await UserIdAsync())).ToArray(), "still following");
    }

    [TestMethod]
    public async Task Htmx_follow_returns_the_swapped_button_and_the_team_shows_on_the_account_page()
    {
        using var response = await PostFollowAsync(dukeId, follow: true, "/account", htmx: true);

        Assert.AreEqual(HttpStatusCode.OK, response.StatusCode);
        var fragment = new HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync());
        var button = fragment.QuerySelector("[data-testid=account-follow-button]");
        Assert.AreEqual("true", button!.GetAttribute("aria-pressed"));
        Assert.AreEqual("false", fragment.QuerySelector("input[name=follow]")!.GetAttribute("value"), "the swapped form unfollows next");
        Assert.IsNotNull(fragment.QuerySelector("input[name=__RequestVerificationToken]"), "the swapped form can post again");
        CollectionAssert.AreEquivalent(new[] { dukeId }, (await database.Follows().GetFollowedTeamIdsAsync(await UserIdAsync())).ToArray());

        var (_, page) = await browser.GetAsync("/account");
        var followed = page.QuerySelectorAll("[data-testid=account-follows-team]");
        Assert.HasCount(1, followed);
        StringAssert.Contains(followed[0].TextContent, "Duke");
    }

    [TestMethod]
    public async Task A_plain_form_follows_and_unfollows_and_returns_only_to_local_pages()
    {
        using var follow = await PostFollowAsync(dukeId, follow: true, "/teams/duke", htmx: false);
        using var twice = await PostFollowAsync(dukeId, follow: true, "https://evil.example/", htmx: false);

        Assert.AreEqual(HttpStatusCode.Redirect, follow.StatusCode);
        Assert.AreEqual("/teams/duke", follow.Headers.Location!.OriginalString);
        Assert.AreEqual("/account", twice.Headers.Location!.OriginalString);
        Assert.AreEqual(1L, await database.ScalarAsync<long>("SELECT count(*) FROM follows"));

        using var unfollow = await PostFollowAsync(dukeId, follow: false, "/account", htmx: false);
        Assert.AreEqual(HttpStatusCode.Redirect, unfollow.StatusCode);
        Assert.AreEqual(0L, await database.ScalarAsync<long>("SELECT count(*) FROM follows"));
    }

    [TestMethod]
    public async Task Unknown_teams_get_404_and_anonymous_visitors_are_sent_to_sign_in()
    {
        using var unknown = await PostFollowAsync(987654, follow: true, "/account", htmx: true);
        Assert.AreEqual(HttpStatusCode.NotFound, unknown.StatusCode);

        using var anonymous = site.Browser();
        using var plain = await anonymous.PostFormAsync("/account/check-email", $"/account/follows/{dukeId}",
            new Dictionary<string, string> { ["follow"] = "true", ["returnUrl"] = "/teams/duke" });
        Assert.AreEqual(HttpStatusCode.Redirect, plain.StatusCode);
        Assert.AreEqual("/account/login?returnUrl=%2Fteams%2Fduke", plain.Headers.Location!.OriginalString);
        using var htmx = await anonymous.PostFormAsync("/account/check-email", $"/account/follows/{dukeId}",
            new Dictionary<string, string> { ["follow"] = "true", ["returnUrl"] = "/teams/duke" }, new Dictionary<string, string> { ["HX-Request"] = "true" });
        Assert.AreEqual(HttpStatusCode.Unauthorized, htmx.StatusCode);
        Assert.AreEqual("/account/login?returnUrl=%2Fteams%2Fduke", htmx.Headers.GetValues("HX-Redirect").Single(), "htmx navigates the whole page to sign-in");
        Assert.AreEqual(0L, await database.ScalarAsync<long>("SELECT count(*) FROM follows"));
    }

    [TestMethod]
    public async Task The_team_finder_on_the_account_page_offers_follow_buttons()
    {
        var (_, page) = await browser.GetAsync("/account?team=Duke");

        var results = page.QuerySelectorAll("[data-testid=account-find-result]");
        Assert.HasCount(2, results, "Duke in the men's and the women's league");
        Assert.IsTrue(results.All(r => r.QuerySelector("[data-testid=account-follow-button]")?.GetAttribute("aria-pressed") == "false"));
        var (_, none) = await browser.GetAsync("/account?team=no-such-team");
        Assert.IsNotNull(none.QuerySelector("[data-testid=account-find-empty]"));
    }
}
