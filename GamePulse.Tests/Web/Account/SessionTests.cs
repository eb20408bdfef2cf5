using System.Net;
using GamePulse.Tests.Support;

namespace GamePulse.Tests.Web.Account;

[TestClass]
public sealed class SessionTests : IAsyncDisposable
{
    private TestDatabase database = null!;

    [TestInitialize]
    public async Task Start() => database = await TestDatabase.CreateAsync();

    public async ValueTask DisposeAsync() => await database.DisposeAsync();

    private async Task SignInAsync(SiteBrowser browser, string email)
    {
        using var request = await browser.RequestLinkAsync(email);
        Assert.AreEqual(HttpStatusCode.Redirect, request.StatusCode);
        var text = (await database.QueryAsync<string>("SELECT text_body FROM email_outbox WHERE to_address = @email ORDER BY id DESC LIMIT 1", new { email })).Single();
        using var confirm = await browser.ConfirmAsync(SiteBrowser.TokenIn(text));
        Assert.AreEqual(HttpStatusCode.Redirect, confirm.StatusCode);
    }

    [TestMethod]
    public async Task The_session_cookie_is_httponly_secure_lax_and_lasts_30_days_outside_development()
    {
        await using var site = new AccountSite(database.ConnectionString, "Production");
        using var browser = site.Browser(AccountSite.PublicBaseUrl); // HSTS is never sent to localhost
        await browser.RequestLinkAsync("cookie@example.com");
        var text = (await database.QueryAsync<string>("SELECT text_body FROM email_outbox ORDER BY id DESC LIMIT 1")).Single();

        using var response = await browser.ConfirmAsync(SiteBrowser.TokenIn(text));

        var cookie = response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("gp_auth=", StringComparison.Ordinal)).ToLowerInvariant();
        StringAssert.Contains(cookie, "httponly");
        StringAssert.Contains(cookie, "secure");
        StringAssert.Contains(cookie, "samesite=lax");
        var expires = DateTimeOffset.Parse(cookie.Split("expires=")[1].Split(';')[0], System.Globalization.CultureInfo.InvariantCulture);
        Assert.IsTrue(expires > DateTimeOffset.UtcNow.AddDays(29) && expires < DateTimeOffset.UtcNow.AddDays(31), $"expires {expires}");
        Assert.IsTrue(await browser.IsSignedInAsync());
        var (home, _) = await browser.GetAsync("/");
        Assert.IsFalse(home.Headers.Contains("Strict-Transport-Security"), "HSTS comes from nginx alone (decision 0205)");
    }

    [TestMethod]
    public async Task Every_response_carries_the_security_headers()
    {
        await using var site = new AccountSite(database.ConnectionString);
        using var browser = site.Browser();

        var (home, _) = await browser.GetAsync("/");
        var (login, _) = await browser.GetAsync("/account/login");
        using var css = await browser.Http.GetAsync("/css/site.css");

        foreach (var response in new[] { home, login, css })
        {
            var csp = response.Headers.GetValues("Content-Security-Policy").Single();
            StringAssert.Contains(csp, "script-src 'self'");
            StringAssert.Contains(csp, "frame-ancestors 'none'");
            Assert.IsFalse(csp.Contains("unsafe-inline", StringComparison.Ordinal));
            Assert.AreEqual("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        }

        Assert.AreEqual("strict-origin-when-cross-origin", home.Headers.GetValues("Referrer-Policy").Single());
        Assert.AreEqual("no-referrer", login.Headers.GetValues("Referrer-Policy").Single());
        Assert.IsFalse(home.Headers.Contains("Strict-Transport-Security"), "no HSTS in development");
    }

    [TestMethod]
    public async Task The_account_page_requires_sign_in_and_sign_out_ends_the_session()
    {
        await using var site = new AccountSite(database.ConnectionString);
        using var browser = site.Browser();
        using var anonymous = await browser.Http.GetAsync("/account");
        Assert.AreEqual(HttpStatusCode.Redirect, anonymous.StatusCode);
        StringAssert.StartsWith(anonymous.Headers.Location!.PathAndQuery, "/account/login?returnUrl=%2Faccount");

        await SignInAsync(browser, "leaving@example.com");
        var (_, page) = await browser.GetAsync("/account");
        Assert.AreEqual("leaving@example.com", page.QuerySelector("[data-testid=account-email]")!.TextContent);
        Assert.IsNull(page.QuerySelector("[data-testid=account-admin]"));

        using var signOut = await browser.PostFormAsync("/account", "/account?handler=SignOut", new Dictionary<string, string>());
        Assert.AreEqual(HttpStatusCode.Redirect, signOut.StatusCode);
        Assert.IsFalse(await browser.IsSignedInAsync());
    }

    [TestMethod]
    public async Task Plain_sign_out_revokes_that_sessions_cookie_and_leaves_the_users_other_sessions_alone()
    {
        await using var site = new AccountSite(database.ConnectionString);
        using var laptop = site.Browser();
        using var phone = site.Browser();
        await SignInAsync(laptop, "revoked@example.com");
        await SignInAsync(phone, "revoked@example.com");
        var laptopCookie = await CookieHeaderAsync(laptop);

        using var signOut = await laptop.PostFormAsync("/account", "/account?handler=SignOut", new Dictionary<string, string>());
        // Someone who copied the laptop's cookie before the sign-out (or the laptop ignoring the deleted cookie) replays it.
        using var replayed = site.Browser();
        using var replay = new HttpRequestMessage(HttpMethod.Get, "/account");
        replay.Headers.Add("Cookie", laptopCookie);
        using var response = await replayed.Http.SendAsync(replay);

        Assert.AreEqual(HttpStatusCode.Redirect, signOut.StatusCode, "sign out");
        Assert.AreEqual(HttpStatusCode.Redirect, response.StatusCode, "the signed-out cookie no longer opens /account");
        StringAssert.StartsWith(response.Headers.Location!.PathAndQuery, "/account/login", "it is sent to sign in");
        Assert.IsTrue(await phone.IsSignedInAsync(), "the phone's session is another session and stays");
    }

    [TestMethod]
    public async Task The_account_page_is_private_no_store_and_the_sign_in_page_may_not_be_framed_at_all()
    {
        await using var site = new AccountSite(database.ConnectionString);
        using var browser = site.Browser();
        await SignInAsync(browser, "headers@example.com");

        var (account, _) = await browser.GetAsync("/account");
        using var anonymous = site.Browser();
        var (login, _) = await anonymous.GetAsync("/account/login");

        Assert.AreEqual(HttpStatusCode.OK, account.StatusCode, "GET /account");
        foreach (var (what, response) in new[] { ("/account is personal", account), ("the sign-in form carries a personal token", login) })
        {
            var cacheControl = response.Headers.CacheControl;
            Assert.IsTrue(cacheControl is { Private: true, NoCache: true, NoStore: true }, $"{what}: private, no-cache, no-store, not '{cacheControl}'");
        }

        Assert.AreEqual("DENY", string.Join(",", login.Headers.GetValues("X-Frame-Options")), "/account/login like every other page");
    }

    [TestMethod]
    public async Task Sign_out_everywhere_ends_every_session_of_the_user()
    {
        await using var site = new AccountSite(database.ConnectionString);
        using var laptop = site.Browser();
        using var phone = site.Browser();
        await SignInAsync(laptop, "many@example.com");
        await SignInAsync(phone, "many@example.com");
        Assert.IsTrue(await phone.IsSignedInAsync());

        using var everywhere = await laptop.PostFormAsync("/account", "/account?handler=SignOutEverywhere", new Dictionary<string, string>());

        Assert.AreEqual(HttpStatusCode.Redirect, everywhere.StatusCode);
        Assert.IsFalse(await laptop.IsSignedInAsync());
        Assert.IsFalse(await phone.IsSignedInAsync(), "the other browser's cookie is rejected by the changed security stamp");
        await SignInAsync(phone, "many@example.com");
        Assert.IsTrue(await phone.IsSignedInAsync(), "signing in again works");
    }

    [TestMethod]
    public async Task Two_web_instances_on_one_database_accept_each_others_cookies()
    {
        await using var first = new AccountSite(database.ConnectionString);
        await using var second = new AccountSite(database.ConnectionString);
        using var browser = first.Browser();
        await SignInAsync(browser, "shared@example.com");
        using var login = await browser.Http.GetAsync("/account");
        Assert.AreEqual(HttpStatusCode.OK, login.StatusCode);
        var cookie = await CookieHeaderAsync(browser);

        using var other = second.Browser();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/account");
        request.Headers.Add("Cookie", cookie);
        using var response = await other.Http.SendAsync(request);

        Assert.AreEqual(HttpStatusCode.OK, response.StatusCode, "the second instance reads the key ring from PostgreSQL");
        StringAssert.Contains(await response.Content.ReadAsStringAsync(), "shared@example.com");
        Assert.IsTrue(await database.ScalarAsync<long>("SELECT count(*) FROM data_protection_keys") >= 1);
    }

    [TestMethod]
    public async Task Listed_addresses_get_the_admin_role_and_deleting_an_account_removes_its_rows()
    {
        await using var site = new AccountSite(database.ConnectionString);
        using var browser = site.Browser();
        await SignInAsync(browser, AccountSite.AdminEmail);
        var (_, page) = await browser.GetAsync("/account");
        Assert.IsNotNull(page.QuerySelector("[data-testid=account-admin]"));
        await database.ExecuteAsync("INSERT INTO follows (user_id, team_id) SELECT id, 1 FROM users");

        using var delete = await browser.PostFormAsync("/account", "/account?handler=Delete", new Dictionary<string, string>());

        Assert.AreEqual(HttpStatusCode.Redirect, delete.StatusCode);
        Assert.IsFalse(await browser.IsSignedInAsync());
        Assert.AreEqual(0L, await database.ScalarAsync<long>("SELECT (SELECT count(*) FROM users) + (SELECT count(*) FROM follows) + (SELECT count(*) FROM login_requests) + (SELECT count(*) FROM email_outbox)"));
    }

    // The in-memory test client keeps cookies in a handler; this reads the session cookie the way a browser would send it.
    private static async Task<string> CookieHeaderAsync(SiteBrowser browser)
    {
        using var echo = await browser.Http.GetAsync("/account");
        var header = echo.RequestMessage?.Headers.TryGetValues("Cookie", out var values) == true ? string.Join("; ", values) : "";
        return header.Length > 0 ? header : throw new AssertFailedException("the client sent no cookie");
    }
}
