using System.Net;
using GamePulse.Tests.Support;
using GamePulse.Tests.Web.Account;

namespace GamePulse.Tests.Web.Admin;

[TestClass]
public sealed class AdminAccessTests : IAsyncDisposable
{
    private TestDatabase database = null!;

    [TestInitialize]
    public async Task Start() => database = await TestDatabase.CreateAsync();

    public async ValueTask DisposeAsync() => await database.DisposeAsync();

    [TestMethod]
    public async Task Anonymous_visitors_are_sent_to_sign_in_and_come_back_to_admin()
    {
        await using var site = new AccountSite(database.ConnectionString);
        using var browser = site.Browser();

        using var response = await browser.Http.GetAsync(new Uri("/admin", UriKind.Relative));

        Assert.AreEqual(HttpStatusCode.Redirect, response.StatusCode);
        Assert.AreEqual("/account/login?returnUrl=%2Fadmin", response.Headers.Location!.PathAndQuery);
    }

    [TestMethod]
    public async Task A_signed_in_account_that_is_not_an_admin_gets_a_403_page()
    {
        await using var site = new AccountSite(database.ConnectionString);
        using var browser = site.Browser();
        await AdminSignIn.SignInAsync(database, browser, "fan@example.com");

        var (response, page) = await browser.GetAsync("/admin?league=mens");

        Assert.AreEqual(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.AreEqual("Not allowed", page.QuerySelector("[data-testid=error-heading]")!.TextContent);
        Assert.IsNull(page.QuerySelector("[data-testid=admin-freshness-table]"));
    }

    [TestMethod]
    public async Task An_admin_sees_the_dashboard_uncached()
    {
        await database.RecordFreshRunsAsync();
        await using var site = new AccountSite(database.ConnectionString);
        using var browser = site.Browser();
        await AdminSignIn.SignInAsync(database, browser, AccountSite.AdminEmail);

        var (response, page) = await browser.GetAsync("/admin");

        Assert.AreEqual(HttpStatusCode.OK, response.StatusCode);
        Assert.AreEqual("no-store", response.Headers.CacheControl!.ToString());
        Assert.HasCount(2, page.QuerySelectorAll("[data-testid=admin-runs-row]"));
        Assert.HasCount(2, page.QuerySelectorAll("[data-testid=admin-freshness-row]"));
        Assert.IsNotNull(page.QuerySelector("[data-testid=admin-outbox-pending]"));
        Assert.IsNotEmpty(page.QuerySelectorAll("[data-testid=admin-logs-link]"));
        var (_, account) = await browser.GetAsync("/account");
        Assert.AreEqual("/admin", account.QuerySelector("[data-testid=account-admin-link]")!.GetAttribute("href"));
    }
}

/// <summary>Signs a browser in through the real flow: request a link, read it from the outbox, confirm it.</summary>
public static class AdminSignIn
{
    public static async Task SignInAsync(TestDatabase database, SiteBrowser browser, string email)
    {
        using var request = await browser.RequestLinkAsync(email);
        Assert.AreEqual(HttpStatusCode.Redirect, request.StatusCode);
        var text = (await database.QueryAsync<string>("SELECT text_body FROM email_outbox WHERE to_address = @email ORDER BY id DESC LIMIT 1", new { email })).Single();
        using var confirm = await browser.ConfirmAsync(SiteBrowser.TokenIn(text));
        Assert.AreEqual(HttpStatusCode.Redirect, confirm.StatusCode);
    }
}
