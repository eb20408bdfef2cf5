using System.Globalization;
using System.Net;
using GamePulse.Tests.Support;

namespace GamePulse.Tests.Web.Account;

[TestClass]
public sealed class LoginFlowTests : IAsyncDisposable
{
    private TestDatabase database = null!;
    private AccountSite site = null!;

    [TestInitialize]
    public async Task Start()
    {
        database = await TestDatabase.CreateAsync();
        site = new AccountSite(database.ConnectionString);
    }

    public async ValueTask DisposeAsync()
    {
        await site.DisposeAsync();
        await database.DisposeAsync();
    }

    private async Task<string> LatestEmailTextAsync(string to) =>
        (await database.QueryAsync<string>("SELECT text_body FROM email_outbox WHERE to_address = @to ORDER BY id DESC LIMIT 1", new { to })).Single();

    [TestMethod]
    public async Task Known_and_unknown_addresses_get_the_same_answer_and_only_hashes_are_stored()
    {
        await database.ExecuteAsync("INSERT INTO users (email, security_stamp) VALUES ('known@example.com', gen_random_uuid())");
        using var browser = site.Browser();

        using var known = await browser.RequestLinkAsync("  Known@Example.COM ");
        using var unknown = await browser.RequestLinkAsync("nobody@example.com");

        Assert.AreEqual(HttpStatusCode.Redirect, known.StatusCode);
        Assert.AreEqual(known.StatusCode, unknown.StatusCode);
        Assert.AreEqual(known.Headers.Location, unknown.Headers.Location);
        Assert.AreEqual("/account/check-email", known.Headers.Location!.OriginalString);
        Assert.AreEqual(await known.Content.ReadAsStringAsync(), await unknown.Content.ReadAsStringAsync());

        var text = await LatestEmailTextAsync("known@example.com");
        var token = SiteBrowser.TokenIn(text);
        Assert.AreEqual(43, token.Length, "256 bits in base64url");
        StringAssert.Contains(text, $"{AccountSite.PublicBaseUrl}/account/verify?token=");
        StringAssert.Contains(text, "expire in 15 minutes");
        StringAssert.Contains(text, "If you didn't ask for this, ignore this email");
        Assert.AreEqual(0L, await database.ScalarAsync<long>(
            "SELECT count(*) FROM login_requests WHERE encode(token_hash, 'escape') LIKE '%' || @token || '%' OR email LIKE '%Known%'", new { token }));
        Assert.AreEqual(2L, await database.ScalarAsync<long>("SELECT count(*) FROM login_requests WHERE expires_at BETWEEN now() + interval '14 minutes' AND now() + interval '15 minutes'"));
        Assert.AreEqual(2L, await database.ScalarAsync<long>("SELECT count(*) FROM email_outbox WHERE status = 'pending'"));
    }

    [TestMethod]
    [DataRow("")]
    [DataRow("not-an-address")]
    [DataRow("a@b")]
    [DataRow("Someone <a@example.com>")]
    [DataRow("a b@example.com")]
    public async Task An_invalid_address_gets_a_clear_message_and_no_email(string email)
    {
        using var browser = site.Browser();

        using var response = await browser.RequestLinkAsync(email);

        Assert.AreEqual(HttpStatusCode.BadRequest, response.StatusCode);
        StringAssert.Contains(await response.Content.ReadAsStringAsync(), "Enter");
        Assert.AreEqual(0L, await database.ScalarAsync<long>("SELECT count(*) FROM email_outbox"));
    }

    [TestMethod]
    public async Task A_post_without_the_antiforgery_token_is_refused()
    {
        using var browser = site.Browser();

        using var response = await browser.Http.PostAsync("/account/login", new FormUrlEncodedContent(new Dictionary<string, string> { ["Email"] = "a@example.com" }));

        Assert.AreEqual(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.AreEqual(0L, await database.ScalarAsync<long>("SELECT count(*) FROM email_outbox"));
    }

    [TestMethod]
    public async Task The_link_asks_for_confirmation_then_signs_in_once()
    {
        using var browser = site.Browser();
        await browser.RequestLinkAsync("fan@example.com");
        var token = SiteBrowser.TokenIn(await LatestEmailTextAsync("fan@example.com"));
        using var scanner = site.Browser();

        var (confirmation, page) = await scanner.GetAsync($"/account/verify?token={token}");
        var (again, _) = await scanner.GetAsync($"/account/verify?token={token}");

        Assert.AreEqual(HttpStatusCode.OK, confirmation.StatusCode);
        Assert.AreEqual(HttpStatusCode.OK, again.StatusCode, "opening the link (a mail scanner) does not use it up");
        Assert.AreEqual("fan@example.com", page.QuerySelector("[data-testid=account-verify-email]")!.TextContent);
        Assert.AreEqual("no-referrer", confirmation.Headers.GetValues("Referrer-Policy").Single());
        Assert.IsFalse(await scanner.IsSignedInAsync());

        using var signIn = await browser.ConfirmAsync(token);
        Assert.AreEqual(HttpStatusCode.Redirect, signIn.StatusCode);
        Assert.AreEqual("/account", signIn.Headers.Location!.OriginalString);
        Assert.IsTrue(await browser.IsSignedInAsync());
        Assert.AreEqual(1L, await database.ScalarAsync<long>("SELECT count(*) FROM users WHERE email = 'fan@example.com' AND last_sign_in_at IS NOT NULL"));

        using var reuse = await scanner.ConfirmAsync(token);
        Assert.AreEqual(HttpStatusCode.BadRequest, reuse.StatusCode);
        StringAssert.Contains(await reuse.Content.ReadAsStringAsync(), "Request a new link");
        Assert.IsFalse(await scanner.IsSignedInAsync());
    }

    [TestMethod]
    public async Task Expired_tampered_malformed_and_unknown_tokens_get_one_clear_message()
    {
        using var browser = site.Browser();
        await browser.RequestLinkAsync("late@example.com");
        var token = SiteBrowser.TokenIn(await LatestEmailTextAsync("late@example.com"));
        var tampered = (token[0] == 'A' ? "B" : "A") + token[1..];
        await database.ExecuteAsync("UPDATE login_requests SET expires_at = now() - interval '1 second'");

        foreach (var candidate in new[] { token, tampered, "short", token + "x", new string('A', 43), "../../etc/passwd" })
        {
            var (get, page) = await browser.GetAsync($"/account/verify?token={Uri.EscapeDataString(candidate)}");
            using var post = await browser.ConfirmAsync(candidate);

            Assert.AreEqual(HttpStatusCode.BadRequest, get.StatusCode, candidate);
            Assert.IsNotNull(page.QuerySelector("[data-testid=account-verify-invalid]"), candidate);
            Assert.IsNotNull(page.QuerySelector("[data-testid=account-verify-new-link]"), candidate);
            Assert.AreEqual(HttpStatusCode.BadRequest, post.StatusCode, candidate);
        }

        var (missing, _) = await browser.GetAsync("/account/verify");
        Assert.AreEqual(HttpStatusCode.BadRequest, missing.StatusCode);
        Assert.IsFalse(await browser.IsSignedInAsync());
    }

    [TestMethod]
    public async Task Two_concurrent_confirmations_sign_in_only_once()
    {
        using var asker = site.Browser();
        await asker.RequestLinkAsync("race@example.com");
        var token = SiteBrowser.TokenIn(await LatestEmailTextAsync("race@example.com"));
        var browsers = Enumerable.Range(0, 6).Select(_ => site.Browser()).ToList();
        var tokens = await Task.WhenAll(browsers.Select(b => b.AntiforgeryTokenAsync("/account/check-email")));

        var responses = await Task.WhenAll(browsers.Select((b, i) => b.Http.PostAsync("/account/verify",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["Token"] = token, ["__RequestVerificationToken"] = tokens[i] }))));

        Assert.AreEqual(1, responses.Count(r => r.StatusCode == HttpStatusCode.Redirect));
        Assert.AreEqual(5, responses.Count(r => r.StatusCode == HttpStatusCode.BadRequest));
        browsers.ForEach(b => b.Dispose());
    }

    [TestMethod]
    public async Task The_code_signs_in_only_the_browser_that_asked()
    {
        using var laptop = site.Browser();
        using var other = site.Browser();
        await laptop.RequestLinkAsync("code@example.com", returnUrl: "/mens-college-basketball/scores");
        var code = SiteBrowser.CodeIn(await LatestEmailTextAsync("code@example.com"));

        using var elsewhere = await other.TypeCodeAsync(code);
        Assert.AreEqual(HttpStatusCode.BadRequest, elsewhere.StatusCode, "the code is bound to the asking browser's cookie");
        Assert.IsFalse(await other.IsSignedInAsync());

        using var signIn = await laptop.PostFormAsync("/account/check-email", "/account/check-email?returnUrl=%2Fmens-college-basketball%2Fscores",
            new Dictionary<string, string> { ["Code"] = $"{code[..4]} {code[4..]}" });
        Assert.AreEqual(HttpStatusCode.Redirect, signIn.StatusCode);
        Assert.AreEqual("/mens-college-basketball/scores", signIn.Headers.Location!.OriginalString);
        Assert.IsTrue(await laptop.IsSignedInAsync());

        using var reuse = await laptop.TypeCodeAsync(code);
        Assert.AreEqual(HttpStatusCode.BadRequest, reuse.StatusCode);
    }

    [TestMethod]
    public async Task Five_wrong_codes_lock_the_code_but_not_the_link()
    {
        using var browser = site.Browser();
        await browser.RequestLinkAsync("guess@example.com");
        var text = await LatestEmailTextAsync("guess@example.com");
        var code = SiteBrowser.CodeIn(text);
        var wrong = ((int.Parse(code, CultureInfo.InvariantCulture) + 1) % 100_000_000).ToString("D8", CultureInfo.InvariantCulture);

        var messages = new List<string>();
        for (var attempt = 0; attempt < 5; attempt++)
        {
            using var response = await browser.TypeCodeAsync(wrong);
            Assert.AreEqual(HttpStatusCode.BadRequest, response.StatusCode);
            messages.Add(await response.Content.ReadAsStringAsync());
        }

        StringAssert.Contains(messages[0], "4 attempts left");
        StringAssert.Contains(messages[3], "1 attempt left");
        using var right = await browser.TypeCodeAsync(code);
        Assert.AreEqual(HttpStatusCode.BadRequest, right.StatusCode, "after 5 wrong codes even the right one is refused");
        StringAssert.Contains(await right.Content.ReadAsStringAsync(), "Request a new link");
        Assert.IsFalse(await browser.IsSignedInAsync());

        using var link = await browser.ConfirmAsync(SiteBrowser.TokenIn(text));
        Assert.AreEqual(HttpStatusCode.Redirect, link.StatusCode, "the emailed link still works");
    }

    [TestMethod]
    public async Task Sending_is_limited_per_address_and_per_client_with_the_same_answer()
    {
        using var browser = site.Browser();
        var answers = new List<string?>();
        for (var i = 0; i < 5; i++)
        {
            using var response = await browser.RequestLinkAsync("flood@example.com");
            Assert.AreEqual(HttpStatusCode.Redirect, response.StatusCode);
            answers.Add(response.Headers.Location?.OriginalString);
        }

        Assert.AreEqual(1, answers.Distinct().Count(), "limited requests look the same");
        Assert.AreEqual(3L, await database.ScalarAsync<long>("SELECT count(*) FROM email_outbox WHERE to_address = 'flood@example.com'"));

        for (var i = 0; i < 20; i++)
        {
            using var response = await browser.RequestLinkAsync($"user{i}@example.com");
            Assert.AreEqual(HttpStatusCode.Redirect, response.StatusCode);
        }

        Assert.AreEqual(20L, await database.ScalarAsync<long>("SELECT count(*) FROM email_outbox"), "20 per hour from one client (3 + 17)");

        await database.ExecuteAsync("UPDATE rate_limit_events SET occurred_at = occurred_at - interval '61 minutes'");
        await browser.RequestLinkAsync("flood@example.com");
        Assert.AreEqual(4L, await database.ScalarAsync<long>("SELECT count(*) FROM email_outbox WHERE to_address = 'flood@example.com'"), "the windows slide");
    }

    [TestMethod]
    [DataRow("//evil.example/")]
    [DataRow("https://evil.example/")]
    [DataRow("/\\evil.example")]
    [DataRow("javascript:alert(1)")]
    [DataRow("evil.example")]
    public async Task Return_urls_that_leave_the_site_are_ignored(string returnUrl)
    {
        using var browser = site.Browser();
        await browser.RequestLinkAsync("redirect@example.com", returnUrl);
        var text = await LatestEmailTextAsync("redirect@example.com");
        Assert.IsFalse(text.Contains("evil", StringComparison.Ordinal), "the link carries no foreign return URL");

        using var response = await browser.ConfirmAsync(SiteBrowser.TokenIn(text), returnUrl);

        Assert.AreEqual(HttpStatusCode.Redirect, response.StatusCode);
        Assert.AreEqual("/account", response.Headers.Location!.OriginalString);
    }

    [TestMethod]
    public async Task A_local_return_url_travels_in_the_link()
    {
        using var browser = site.Browser();
        await browser.RequestLinkAsync("back@example.com", "/teams/duke?tab=games");
        var text = await LatestEmailTextAsync("back@example.com");
        StringAssert.Contains(text, "returnUrl=%2Fteams%2Fduke%3Ftab%3Dgames");

        using var response = await browser.ConfirmAsync(SiteBrowser.TokenIn(text), "/teams/duke?tab=games");

        Assert.AreEqual("/teams/duke?tab=games", response.Headers.Location!.OriginalString);
    }
}
