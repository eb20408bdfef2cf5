using GamePulse.Tests.Support;
using GamePulse.Tests.Web.Account;
using GamePulse.Worker.Hosting;
using Microsoft.Extensions.Hosting;
using Microsoft.Playwright;

namespace GamePulse.Tests.E2E;

/// <summary>
/// A person signing in: the Web on real Kestrel, the Worker's dispatcher sending through the real local SES server,
/// Debian's Chromium driven by Playwright.
/// </summary>
[TestClass]
public sealed class AccountJourneyTests
{
    private static TestDatabase database = null!;
    private static LocalSes ses = null!;
    private static KestrelWeb web = null!;
    private static IHost worker = null!;
    private static ChromiumSession browser = null!;
    private static string baseUrl = "";

    [ClassInitialize]
    public static async Task Start(TestContext context)
    {
        Environment.SetEnvironmentVariable("AWS_ACCESS_KEY_ID", "AKIDLOCALTEST");
        Environment.SetEnvironmentVariable("AWS_SECRET_ACCESS_KEY", "local-secret");
        database = await TestDatabase.CreateAsync();
        ses = await LocalSes.StartAsync();
        web = await KestrelWeb.StartAsync(database.ConnectionString);
        baseUrl = web.BaseUrl;
        worker = WorkerHost.CreateBuilder(
        [
            $"--ConnectionStrings:GamePulse={database.ConnectionString}",
            $"--Ses:EndpointUrl={ses.Endpoint}",
            "--Ses:Region=us-east-1",
            "--Ses:FromAddress=GamePulse <no-reply@gamepulse.test>",
            $"--Worker:HeartbeatFile={Path.Combine(Path.GetTempPath(), $"gamepulse-e2e-{Environment.ProcessId}.heartbeat")}",
            "--Logging:MinimumLevel=Warning",
        ]).Build();
        await worker.StartAsync();
        browser = await ChromiumSession.LaunchAsync();
    }

    [ClassCleanup]
    public static async Task Stop()
    {
        await browser.DisposeAsync();
        await worker.StopAsync();
        worker.Dispose();
        await web.DisposeAsync();
        await ses.DisposeAsync();
        await database.DisposeAsync();
    }

    private static async Task<(IBrowserContext Context, IPage Page, List<string> CspErrors)> OpenAsync()
    {
        var context = await browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = baseUrl });
        var page = await context.NewPageAsync();
        var errors = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Type == "error" && message.Text.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase))
            {
                errors.Add(message.Text);
            }
        };
        return (context, page, errors);
    }

    private static async Task RequestLinkAsync(IPage page, string email)
    {
        await page.GotoAsync("/account/login");
        await page.GetByTestId("account-login-email").FillAsync(email);
        await page.GetByTestId("account-login-submit").ClickAsync();
        await Assertions.Expect(page.GetByTestId("account-check-email-heading")).ToBeVisibleAsync();
    }

    [TestMethod]
    public async Task Sign_in_by_the_emailed_link_follow_a_team_see_it_and_sign_out()
    {
        var (context, page, cspErrors) = await OpenAsync();
        await using var _ = context;

        await RequestLinkAsync(page, "journey@example.com");
        var email = (await ses.WaitForEmailsToAsync("journey@example.com")).Single();
        var link = System.Text.RegularExpressions.Regex.Match(email.Body.Text!, @"http\S+/account/verify\?token=\S+").Value;
        StringAssert.StartsWith(link, baseUrl, "the link is built from Site__PublicBaseUrl");

        await page.GotoAsync(link);
        await Assertions.Expect(page.GetByTestId("account-verify-email")).ToHaveTextAsync("journey@example.com");
        await page.GetByTestId("account-verify-confirm").ClickAsync();
        await Assertions.Expect(page.GetByTestId("account-email")).ToHaveTextAsync("journey@example.com");
        await Assertions.Expect(page.GetByTestId("account-follows-empty")).ToBeVisibleAsync();

        await page.GetByTestId("account-find-input").FillAsync("duke");
        await page.GetByTestId("account-find-submit").ClickAsync();
        var firstResult = page.GetByTestId("account-find-result").First;
        var follow = firstResult.GetByTestId("account-follow-button");
        await Assertions.Expect(follow).ToHaveAttributeAsync("aria-pressed", "false");
        await follow.ClickAsync();
        // htmx swaps the button in place: same page, now pressed.
        await Assertions.Expect(firstResult.GetByTestId("account-follow-button")).ToHaveAttributeAsync("aria-pressed", "true");
        StringAssert.Contains(page.Url, "team=duke", "no navigation: the button was swapped by htmx");

        await page.GotoAsync("/account");
        await Assertions.Expect(page.GetByTestId("account-follows-team")).ToHaveCountAsync(1);
        await Assertions.Expect(page.GetByTestId("account-follows-team")).ToContainTextAsync("Duke");

        await page.GetByTestId("account-signout").ClickAsync();
        await page.WaitForURLAsync($"{baseUrl}/");
        await page.GotoAsync("/account");
        await Assertions.Expect(page.GetByTestId("account-login-form")).ToBeVisibleAsync();
        Assert.IsEmpty(cspErrors, string.Join("\n", cspErrors));
    }

    [TestMethod]
    public async Task Sign_in_by_typing_the_code_in_the_browser_that_asked()
    {
        var (context, page, cspErrors) = await OpenAsync();
        await using var _ = context;

        await RequestLinkAsync(page, "typist@example.com");
        var email = (await ses.WaitForEmailsToAsync("typist@example.com")).Single();
        var code = SiteBrowser.CodeIn(email.Body.Text!);
        await page.GetByTestId("account-code-input").FillAsync("00000000" == code ? "11111111" : "00000000");
        await page.GetByTestId("account-code-submit").ClickAsync();
        await Assertions.Expect(page.GetByTestId("account-code-error")).ToContainTextAsync("4 attempts left");

        await page.GetByTestId("account-code-input").FillAsync(code);
        await page.GetByTestId("account-code-submit").ClickAsync();

        await Assertions.Expect(page.GetByTestId("account-email")).ToHaveTextAsync("typist@example.com");
        Assert.IsEmpty(cspErrors, string.Join("\n", cspErrors));
    }
    [TestMethod]
    public async Task Sign_in_from_a_team_page_follow_the_team_and_see_its_game_under_my_teams()
    {
        var day = await ScoreboardDay.SeedAsync(database);
        var (context, page, cspErrors) = await OpenAsync();
        await using var _ = context;
        // ESPN's logo CDN is unreachable from the test machine.
        await context.RouteAsync("https://a.espncdn.com/**", route => route.AbortAsync());
        const string teamPage = "/mens-college-basketball/teams/north-carolina";

        await page.GotoAsync(teamPage);
        await page.GetByTestId("team-actions").GetByTestId("account-follow-signin").ClickAsync();
        await page.GetByTestId("account-login-email").FillAsync("tarheel@example.com");
        await page.GetByTestId("account-login-submit").ClickAsync();
        var email = (await ses.WaitForEmailsToAsync("tarheel@example.com")).Single();
        await page.GetByTestId("account-code-input").FillAsync(SiteBrowser.CodeIn(email.Body.Text!));
        await page.GetByTestId("account-code-submit").ClickAsync();
        await page.WaitForURLAsync($"{baseUrl}{teamPage}");

        var follow = page.GetByTestId("team-actions").GetByTestId("account-follow-button");
        await Assertions.Expect(follow).ToHaveAttributeAsync("aria-pressed", "false");
        await follow.ClickAsync();
        await Assertions.Expect(page.GetByTestId("team-actions").GetByTestId("account-follow-button")).ToHaveAttributeAsync("aria-pressed", "true");
        Assert.AreEqual($"{baseUrl}{teamPage}", page.Url, "htmx swapped the button without navigating");

        await page.GotoAsync(GamePulse.Data.Site.SiteUrls.Scoreboard(ScoreboardDay.MensSlug, ScoreboardDay.Date));
        await Assertions.Expect(page.GetByTestId("game-card")).ToHaveCountAsync(8);
        await page.GetByTestId("scores-filter-mine").ClickAsync();
        var cards = page.GetByTestId("game-card");
        await Assertions.Expect(cards).ToHaveCountAsync(1);
        await Assertions.Expect(cards).ToHaveAttributeAsync("data-game-id", day.LiveId.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await Assertions.Expect(page.GetByTestId("scores-games")).ToHaveAttributeAsync("hx-get", new System.Text.RegularExpressions.Regex(@"\?teams=mine$"));
        StringAssert.EndsWith(page.Url, "?teams=mine");

        // Unfollow from the card (away team first, as the card reads): the button swaps in place.
        var awayFollow = cards.GetByTestId("game-card-follows").GetByTestId("account-follow-button").Nth(0);
        await Assertions.Expect(awayFollow).ToHaveAttributeAsync("aria-pressed", "true");
        await awayFollow.ClickAsync();
        await Assertions.Expect(cards.GetByTestId("game-card-follows").GetByTestId("account-follow-button").Nth(0)).ToHaveAttributeAsync("aria-pressed", "false");
        Assert.IsEmpty(cspErrors, string.Join("\n", cspErrors));
    }
}
