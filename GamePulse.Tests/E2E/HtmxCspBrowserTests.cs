using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json;
using GamePulse.Data.Games;
using GamePulse.Data.Leagues;
using GamePulse.Data.Site;
using GamePulse.Data.Teams;
using GamePulse.Tests.Support;
using GamePulse.Tests.Web.Account;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace GamePulse.Tests.E2E;

/// <summary>
/// htmx under the site's real Content-Security-Policy in Debian's Chromium: the scoreboard and a game page while they
/// poll, and a signed-in visitor following teams on /account and on the polling scoreboard, raise no CSP violation and
/// no console error. The Web runs on real Kestrel with the real clock, over a live game seeded for today.
/// </summary>
[TestClass]
public sealed class HtmxCspBrowserTests
{
    private const string Mens = League.MensSlug;
    private static readonly byte[] LogoPng = File.ReadAllBytes(Path.Combine(RepositoryPaths.Root, "GamePulse.Web", "wwwroot", "img", "og-default.png"));
    private static readonly TimeSpan PollWait = TimeSpan.FromSeconds(40); // one 15 s interval, with room on a busy machine

    private static TestDatabase database = null!;
    private static KestrelWeb web = null!;
    private static ChromiumSession browser = null!;
    private static DateOnly today;
    private static long liveGameId;

    [ClassInitialize]
    public static async Task Start(TestContext context)
    {
        database = await TestDatabase.CreateAsync();
        await SeedLiveGameAsync();
        // Streams off: these pages poll, as they do when no stream can be held (LivePushBrowserTests covers the push under the same CSP).
        web = await KestrelWeb.StartAsync(database.ConnectionString, "Development", "--LiveStreams:Enabled=false");
        browser = await ChromiumSession.LaunchAsync();
    }

    [ClassCleanup]
    public static async Task Stop()
    {
        await browser.DisposeAsync();
        await web.DisposeAsync();
        await database.DisposeAsync();
    }

    /// <summary>Duke at home against North Carolina, in the second half right now, so today's pages poll.</summary>
    private static async Task SeedLiveGameAsync()
    {
        var now = DateTimeOffset.UtcNow;
        today = EasternCalendar.DateOf(now);
        var duke = (await database.Teams.FindBySlugAsync(ScoreboardDay.Mens, "duke"))!.Id;
        var carolina = (await database.Teams.FindBySlugAsync(ScoreboardDay.Mens, "north-carolina"))!.Id;
        var live = new GameUpsert
        {
            ExternalId = "csp-live",
            StartTime = now.AddHours(-1),
            GameDate = today,
            State = GameState.Live,
            Period = 2,
            Clock = "9:12",
            HomeTeamId = duke,
            AwayTeamId = carolina,
            HomeScore = 51,
            AwayScore = 49,
            Season = (short)Season.Of(today),
            ConferenceGame = true,
        };
        var result = await database.UpsertGamesAsync(ScoreboardDay.Mens, ScoreSource.Espn, [live], now);
        liveGameId = result.ChangedGameIds.Single();
    }

    /// <summary>
    /// A browser context that reports every CSP violation (the DOM's securitypolicyviolation event, through a binding
    /// that the CSP cannot block) and every console error of its pages.
    /// </summary>
    private sealed class WatchedContext(IBrowserContext context) : IAsyncDisposable
    {
        public IBrowserContext Context => context;

        public ConcurrentQueue<string> Violations { get; } = new();

        public ConcurrentQueue<string> ConsoleErrors { get; } = new();

        public static async Task<WatchedContext> OpenAsync()
        {
            var watched = new WatchedContext(await browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = web.BaseUrl }));
            var context = watched.Context;
            // Team logos live on ESPN's CDN, which the test machine cannot reach: a local stand-in serves a real PNG.
            await context.RouteAsync("https://a.espncdn.com/**", route => route.FulfillAsync(new RouteFulfillOptions { ContentType = "image/png", BodyBytes = LogoPng }));
            await context.ExposeFunctionAsync("reportCspViolation", (string violation) => watched.Violations.Enqueue(violation));
            // Kept on the page too (window.cspViolations), so a test can wait for one instead of sleeping.
            await context.AddInitScriptAsync("""
                window.cspViolations = [];
                document.addEventListener('securitypolicyviolation', e => {
                    const violation = `${e.violatedDirective} blocked ${e.blockedURI || 'inline'} at ${e.sourceFile}:${e.lineNumber} ${e.sample}`;
                    window.cspViolations.push(violation);
                    window.reportCspViolation(violation);
                });
                """);
            return watched;
        }

        public async Task<IPage> NewPageAsync()
        {
            var page = await context.NewPageAsync();
            page.Console += (_, message) =>
            {
                if (message.Type == "error")
                {
                    ConsoleErrors.Enqueue($"{page.Url}: {message.Text}");
                }
            };
            page.PageError += (_, error) => ConsoleErrors.Enqueue($"{page.Url}: {error}");
            return page;
        }

        public void AssertClean(string what)
        {
            Assert.IsEmpty(Violations, $"{what}: CSP violations: {string.Join(" | ", Violations)}");
            Assert.IsEmpty(ConsoleErrors, $"{what}: console errors: {string.Join(" | ", ConsoleErrors)}");
        }

        public ValueTask DisposeAsync() => context.DisposeAsync();
    }

    /// <summary>Waits for the next htmx poll of the element's URL and returns its status.</summary>
    private static async Task<int> NextPollAsync(IPage page, string pollUrl)
    {
        var response = await page.WaitForResponseAsync(
            r => r.Request.Headers.TryGetValue("hx-request", out var htmx) && htmx == "true" && r.Url == web.BaseUrl + pollUrl,
            new PageWaitForResponseOptions { Timeout = (float)PollWait.TotalMilliseconds });
        return response.Status;
    }

    private static async Task<string> PollUrlAsync(IPage page, string testId)
    {
        var pollUrl = await page.GetByTestId(testId).GetAttributeAsync("hx-get");
        Assert.IsNotNull(pollUrl, $"{page.Url}: #{testId} polls");
        return pollUrl;
    }

    private static async Task AssertHtmxConfiguredAsync(IPage page)
    {
        var config = await page.EvaluateAsync<JsonElement>("""
            () => ({
                scripts: [...document.scripts].filter(s => s.src.includes('/lib/htmx/')).length,
                styles: document.querySelectorAll('style').length,
                selfRequestsOnly: htmx.config.selfRequestsOnly,
                allowEval: htmx.config.allowEval,
                allowScriptTags: htmx.config.allowScriptTags,
                includeIndicatorStyles: htmx.config.includeIndicatorStyles,
            })
            """);
        Assert.AreEqual(1, config.GetProperty("scripts").GetInt32(), $"{page.Url}: htmx is loaded once");
        Assert.AreEqual(0, config.GetProperty("styles").GetInt32(), $"{page.Url}: htmx inserted no <style>");
        Assert.IsTrue(config.GetProperty("selfRequestsOnly").GetBoolean(), $"{page.Url}: htmx.config.selfRequestsOnly");
        Assert.IsFalse(config.GetProperty("allowEval").GetBoolean(), $"{page.Url}: htmx.config.allowEval");
        Assert.IsFalse(config.GetProperty("allowScriptTags").GetBoolean(), $"{page.Url}: htmx.config.allowScriptTags");
        Assert.IsFalse(config.GetProperty("includeIndicatorStyles").GetBoolean(), $"{page.Url}: htmx.config.includeIndicatorStyles");
    }

    [TestMethod]
    public async Task The_pages_run_under_the_sites_real_CSP()
    {
        using var http = new HttpClient { BaseAddress = new Uri(web.BaseUrl) };
        using var response = await http.GetAsync(SiteUrls.Scoreboard(Mens));

        var csp = response.Headers.GetValues("Content-Security-Policy").Single();
        StringAssert.Contains(csp, "script-src 'self'", "no inline or eval'd script may run");
        StringAssert.Contains(csp, "style-src 'self'", "no inline style may apply");
    }

    [TestMethod]
    public async Task Polling_and_following_raise_no_CSP_violation()
    {
        await using var anonymous = await WatchedContext.OpenAsync();
        await using var fan = await WatchedContext.OpenAsync();

        await Task.WhenAll(PollTheScoreboardAndTheGameAsync(anonymous), FollowTeamsWhileTheScoreboardPollsAsync(fan));

        anonymous.AssertClean("anonymous scoreboard and game page");
        fan.AssertClean("signed-in account page and scoreboard");
    }

    private static async Task PollTheScoreboardAndTheGameAsync(WatchedContext watched)
    {
        var scoreboard = await watched.NewPageAsync();
        var game = await watched.NewPageAsync();
        await scoreboard.GotoAsync(SiteUrls.Scoreboard(Mens));
        await game.GotoAsync($"/{Mens}/games/{liveGameId.ToString(CultureInfo.InvariantCulture)}");
        await Expect(game.GetByTestId("game-score-home-value")).ToHaveTextAsync("51");
        var scoreboardPoll = await PollUrlAsync(scoreboard, "scores-games");
        var gamePoll = await PollUrlAsync(game, "game-live");
        Assert.AreEqual(SiteUrls.Scoreboard(Mens, today), scoreboardPoll, "today's scoreboard polls its dated URL");
        StringAssert.StartsWith(game.Url, web.BaseUrl + gamePoll, "the game page polls its canonical URL (the short link redirected there)");
        await AssertHtmxConfiguredAsync(scoreboard);
        await AssertHtmxConfiguredAsync(game);

        var statuses = await Task.WhenAll(NextPollAsync(scoreboard, scoreboardPoll), NextPollAsync(game, gamePoll));

        Assert.AreEqual(200, statuses[0], "the scoreboard's first poll gets the fragment");
        Assert.AreEqual(200, statuses[1], "the game page's first poll gets the fragment");
        await Expect(scoreboard.GetByTestId("scores-games")).ToHaveAttributeAsync("hx-trigger", "every 15s");
        await Expect(game.GetByTestId("game-live")).ToHaveAttributeAsync("hx-trigger", "every 15s");
    }

    private static async Task FollowTeamsWhileTheScoreboardPollsAsync(WatchedContext watched)
    {
        var page = await watched.NewPageAsync();
        await SignInAsync(page, "csp-fan@example.com");

        await page.GotoAsync("/account?team=duke");
        await AssertHtmxConfiguredAsync(page);
        var result = page.GetByTestId("account-find-result").First;
        await result.GetByTestId("account-follow-button").ClickAsync();
        await Expect(result.GetByTestId("account-follow-button")).ToHaveAttributeAsync("aria-pressed", "true");
        StringAssert.Contains(page.Url, "team=duke", "htmx swapped the button; the page did not navigate");

        await page.GotoAsync(SiteUrls.Scoreboard(Mens));
        var pollUrl = await PollUrlAsync(page, "scores-games");
        var card = page.Locator($"[data-game-id='{liveGameId.ToString(CultureInfo.InvariantCulture)}']");
        var carolina = card.GetByTestId("game-card-follows").GetByTestId("account-follow-button").Nth(0);
        await Expect(carolina).ToHaveAttributeAsync("aria-pressed", "false");
        var poll = NextPollAsync(page, pollUrl);
        await carolina.ClickAsync();
        await Expect(card.GetByTestId("game-card-follows").GetByTestId("account-follow-button").Nth(0)).ToHaveAttributeAsync("aria-pressed", "true");

        Assert.AreEqual(200, await poll, "the personal poll after a follow gets a new fragment");
        await Expect(page.GetByTestId("scores-games")).ToHaveAttributeAsync("hx-trigger", "every 15s");
    }

    /// <summary>Signs in by the code in the email the Web queued (no Worker needed: the code is in the outbox row).</summary>
    private static async Task SignInAsync(IPage page, string email)
    {
        await page.GotoAsync("/account/login");
        await page.GetByTestId("account-login-email").FillAsync(email);
        await page.GetByTestId("account-login-submit").ClickAsync();
        await Expect(page.GetByTestId("account-check-email-heading")).ToBeVisibleAsync();
        var text = (await database.QueryAsync<string>("SELECT text_body FROM email_outbox ORDER BY id DESC LIMIT 1")).Single();
        await page.GetByTestId("account-code-input").FillAsync(SiteBrowser.CodeIn(text));
        await page.GetByTestId("account-code-submit").ClickAsync();
        await Expect(page.GetByTestId("account-email")).ToHaveTextAsync(email);
    }

    [TestMethod]
    public async Task The_watch_sees_a_violation_when_the_CSP_blocks_something()
    {
        await using var watched = await WatchedContext.OpenAsync();
        var page = await watched.NewPageAsync();
        await page.GotoAsync(SiteUrls.Scoreboard(Mens));

        // What htmx would do with allowScriptTags or includeIndicatorStyles left on: an inline script and a <style>.
        await page.EvaluateAsync("""
            () => {
                const script = document.createElement('script');
                script.textContent = 'window.injected = true';
                document.body.appendChild(script);
                const style = document.createElement('style');
                style.textContent = 'body { color: red }';
                document.head.appendChild(style);
            }
            """);

        await page.WaitForFunctionAsync("() => window.cspViolations.length >= 2", null, new PageWaitForFunctionOptions { Timeout = 10_000 });
        await Expect(page.Locator("body")).ToBeVisibleAsync(); // lets the binding's reports reach this process
        var violations = string.Join(" | ", watched.Violations);
        StringAssert.Contains(violations, "script-src", "the inline script was reported");
        StringAssert.Contains(violations, "style-src", "the inline style was reported");
        Assert.IsFalse(await page.EvaluateAsync<bool>("() => window.injected === true"), "and it did not run");
    }
}
