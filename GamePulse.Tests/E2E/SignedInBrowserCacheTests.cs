using GamePulse.Tests.Support;
using GamePulse.Tests.Web.Account;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace GamePulse.Tests.E2E;

/// <summary>
/// A final scoreboard is public for a day in browsers. A visitor who opened it anonymously and then signed in must see
/// their own page (header "My account", follow buttons), not the anonymous copy from Chromium's cache.
/// </summary>
[TestClass]
public sealed class SignedInBrowserCacheTests
{
    private const string FinalDay = "/mens-college-basketball/scores/2025-03-05";

    [TestMethod]
    public async Task After_signing_in_the_browser_does_not_show_its_cached_anonymous_copy_of_a_final_scoreboard()
    {
        await using var database = await TestDatabase.CreateAsync();
        await ScoreboardDay.SeedAsync(database);
        await using var web = await KestrelWeb.StartAsync(database.ConnectionString);
        using var playwright = await Playwright.CreateAsync();
        // No Playwright routing here: routing turns Chromium's HTTP cache off, and the cache is what this test is about.
        // ESPN's logo CDN (unreachable from the test machine) is refused at once instead.
        var launch = HeadlessChromium.LaunchOptions;
        launch.Args = [.. launch.Args!, "--host-resolver-rules=MAP a.espncdn.com 127.0.0.1:9"];
        await using var browser = await playwright.Chromium.LaunchAsync(launch);
        await using var context = await browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = web.BaseUrl });
        var page = await context.NewPageAsync();

        var anonymous = await page.GotoAsync(FinalDay);
        Assert.AreEqual("public, max-age=86400", await anonymous!.HeaderValueAsync("cache-control"), "a settled day is cached by browsers for a day");
        await Expect(page.GetByTestId("site-header-account")).ToHaveTextAsync("Sign in");

        await page.GotoAsync("/account/login");
        await page.GetByTestId("account-login-email").FillAsync("cached@example.com");
        await page.GetByTestId("account-login-submit").ClickAsync();
        await Expect(page.GetByTestId("account-check-email-heading")).ToBeVisibleAsync();
        var token = SiteBrowser.TokenIn(await SiteBrowser.LatestEmailTextAsync(database, "cached@example.com"));
        await page.GotoAsync($"/account/verify?token={token}");
        await page.GetByTestId("account-verify-confirm").ClickAsync();
        await Expect(page.GetByTestId("account-email")).ToHaveTextAsync("cached@example.com");

        // An ordinary navigation (not a reload), which Chromium answers from its cache while the copy is fresh.
        await page.GotoAsync(FinalDay);

        await Expect(page.GetByTestId("site-header-account")).ToHaveTextAsync("My account");
    }
}
