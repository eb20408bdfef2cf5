using GamePulse.Data.Site;
using GamePulse.Tests.Support;
using GamePulse.Tests.Web.Account;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace GamePulse.Tests.E2E;

/// <summary>
/// Viewer settings in Debian's Chromium over real Kestrel: Pacific time and spoiler-free signed out (a cookie),
/// "show score" for one game, a shared ?spoilers=hide link in a fresh browser, "automatic" detecting the browser's
/// zone through the site script under the strict CSP, and the account carrying the settings to a second browser.
/// </summary>
[TestClass]
public sealed class SettingsBrowserTests
{
    private const string Day = "/mens-college-basketball/scores/2025-03-08";
    private static TestDatabase database = null!;
    private static ScoreboardDay day = null!;
    private static KestrelWeb web = null!;
    private static ChromiumSession browser = null!;

    [ClassInitialize]
    public static async Task Start(TestContext context)
    {
        database = await TestDatabase.CreateAsync();
        day = await ScoreboardDay.SeedAsync(database);
        web = await KestrelWeb.StartAsync(database.ConnectionString);
        browser = await ChromiumSession.LaunchAsync();
    }

    [ClassCleanup]
    public static async Task Stop()
    {
        await browser.DisposeAsync();
        await web.DisposeAsync();
        await database.DisposeAsync();
    }

    private static string FinalGame => $"/mens-college-basketball/games/{day.FinalId}/virginia-at-wake-forest-2025-03-08";

    private static async Task<(IBrowserContext Context, IPage Page, List<string> Errors)> OpenAsync(string? timeZoneId = null)
    {
        var context = await browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = web.BaseUrl, TimezoneId = timeZoneId });
        // Team logos live on ESPN's CDN, which the test machine cannot reach.
        await context.RouteAsync("https://a.espncdn.com/**", route => route.AbortAsync());
        var page = await context.NewPageAsync();
        var errors = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Type == "error" && !message.Text.Contains("ERR_FAILED", StringComparison.Ordinal))
            {
                errors.Add(message.Text);
            }
        };
        page.PageError += (_, error) => errors.Add(error);
        return (context, page, errors);
    }

    private static async Task SaveAsync(IPage page, string zone, bool hide)
    {
        await page.GotoAsync(SiteUrls.Settings);
        await page.GetByTestId("settings-form-timezone").SelectOptionAsync(zone);
        await page.GetByTestId("settings-form-spoilers").SetCheckedAsync(hide);
        await page.GetByTestId("settings-form-save").ClickAsync();
        await Expect(page.GetByTestId("settings-saved")).ToBeVisibleAsync();
    }

    private static ILocator Card(IPage page, long id, string testId) => page.Locator($"[data-game-id='{id}'] [data-testid='{testId}']");

    private static async Task ExpectNoScoresAsync(IPage page, string where)
    {
        var text = await page.Locator("body").InnerTextAsync();
        var title = await page.TitleAsync();
        foreach (var score in new[] { "60", "58" })
        {
            Assert.DoesNotContain(score, text, $"{where}: Virginia–Wake Forest's score is not in the text");
            Assert.DoesNotContain(score, title, $"{where}: nor in the title");
        }
    }

    [TestMethod]
    public async Task Signed_out_a_visitor_reads_pacific_times_then_goes_spoiler_free_and_shows_one_score()
    {
        var (context, page, errors) = await OpenAsync();
        await using var _ = context;

        await SaveAsync(page, "pt", hide: false);
        await page.GotoAsync(Day);
        await Expect(Card(page, day.SoonId, "game-card-state")).ToHaveTextAsync("5:10 PM PT");
        await Expect(Card(page, day.FinalId, "game-card-home-score")).ToHaveTextAsync("58");

        await SaveAsync(page, "pt", hide: true);
        await page.GotoAsync(Day);
        await Expect(Card(page, day.FinalId, "game-card-home-score")).ToHaveTextAsync("");
        await Expect(Card(page, day.FinalId, "game-card-show-score")).ToBeVisibleAsync();
        await ExpectNoScoresAsync(page, "spoiler-free scoreboard");

        await Card(page, day.FinalId, "game-card-link").ClickAsync();
        await Expect(page).ToHaveURLAsync(web.BaseUrl + FinalGame);
        await Expect(page.GetByTestId("game-spoiler-free")).ToBeVisibleAsync();
        await Expect(page.GetByTestId("game-pulse-score")).ToBeVisibleAsync();
        await ExpectNoScoresAsync(page, "spoiler-free game page");

        await page.GetByTestId("game-show-score").ClickAsync();
        await Expect(page).ToHaveURLAsync(web.BaseUrl + FinalGame + "?spoilers=show");
        await Expect(page.GetByTestId("game-score-home-value")).ToHaveTextAsync("58");
        await page.GotoAsync(Day);
        await Expect(Card(page, day.FinalId, "game-card-home-score")).ToHaveTextAsync("", new LocatorAssertionsToHaveTextOptions { Timeout = 5000 });

        Assert.IsEmpty(errors, "no console errors (CSP included): " + string.Join("; ", errors));
    }

    [TestMethod]
    public async Task A_shared_spoiler_free_link_hides_the_score_in_a_fresh_browser_for_that_visit()
    {
        var (context, page, errors) = await OpenAsync();
        await using var _ = context;

        await page.GotoAsync(FinalGame + "?spoilers=hide");
        await Expect(page.GetByTestId("game-spoiler-free")).ToBeVisibleAsync();
        await ExpectNoScoresAsync(page, "shared link");

        await page.GotoAsync(FinalGame);
        await Expect(page.GetByTestId("game-score-home-value")).ToHaveTextAsync("58");
        Assert.IsEmpty(errors, string.Join("; ", errors));
    }

    [TestMethod]
    public async Task Automatic_takes_the_browsers_zone_through_the_site_script()
    {
        var (context, page, errors) = await OpenAsync("America/Los_Angeles");
        await using var _ = context;

        await SaveAsync(page, "auto", hide: false);
        // The saved page's script writes the zone cookie and reloads once: let that reload finish before going on, or
        // the next navigation races it.
        await page.WaitForFunctionAsync("() => document.cookie.includes('gp_tz=')");
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        await page.GotoAsync(Day);

        // The script reports the zone in a cookie and reloads once; the server then renders Pacific time.
        await Expect(Card(page, day.SoonId, "game-card-state")).ToHaveTextAsync("5:10 PM PT");
        await page.GotoAsync(SiteUrls.Settings);
        await Expect(page.GetByTestId("settings-detected")).ToContainTextAsync("Pacific (PT)");
        Assert.IsEmpty(errors, "the script runs under the CSP: " + string.Join("; ", errors));
    }

    [TestMethod]
    public async Task Signed_in_the_settings_follow_the_account_to_another_browser()
    {
        const string email = "settings@example.com";
        var (laptop, laptopPage, _) = await OpenAsync();
        await using (laptop)
        {
            await SignInAsync(laptopPage, email);
            await SaveAsync(laptopPage, "ht", hide: true);
            await Expect(laptopPage.GetByTestId("settings-saved")).ToContainTextAsync("account");
        }

        var (phone, page, errors) = await OpenAsync();
        await using var _ = phone;
        await page.GotoAsync(Day);
        await Expect(Card(page, day.SoonId, "game-card-state")).ToHaveTextAsync("8:10 PM ET");
        await SignInAsync(page, email);
        await page.GotoAsync(Day);

        await Expect(Card(page, day.SoonId, "game-card-state")).ToHaveTextAsync("3:10 PM HT");
        await Expect(Card(page, day.FinalId, "game-card-home-score")).ToHaveTextAsync("");
        await ExpectNoScoresAsync(page, "signed-in spoiler-free scoreboard");
        await page.GotoAsync(FinalGame);
        await ExpectNoScoresAsync(page, "signed-in spoiler-free game page");
        Assert.IsEmpty(errors, string.Join("; ", errors));
    }

    private static async Task SignInAsync(IPage page, string email)
    {
        await page.GotoAsync("/account/login");
        await page.GetByTestId("account-login-email").FillAsync(email);
        await page.GetByTestId("account-login-submit").ClickAsync();
        await Expect(page.GetByTestId("account-check-email-heading")).ToBeVisibleAsync();
        var token = SiteBrowser.TokenIn(await SiteBrowser.LatestEmailTextAsync(database, email));
        await page.GotoAsync($"/account/verify?token={token}");
        await page.GetByTestId("account-verify-confirm").ClickAsync();
        await Expect(page.GetByTestId("account-email")).ToHaveTextAsync(email);
    }
}
