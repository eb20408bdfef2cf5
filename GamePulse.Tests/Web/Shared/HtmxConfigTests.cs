using System.Net;
using System.Text.Json;
using AngleSharp.Html.Dom;
using GamePulse.Tests.Support;
using GamePulse.Tests.Web.Account;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace GamePulse.Tests.Web.Shared;

/// <summary>
/// The layout loads htmx once and configures it, through Htmx.TagHelpers' <c>&lt;meta name="htmx-config"&gt;</c>, for
/// the site's CSP: every flag the tag helper writes either keeps htmx's safe default or tightens it. Real Kestrel over
/// loopback.
/// </summary>
[TestClass]
public sealed class HtmxConfigTests
{
    private static readonly Dictionary<string, bool> CspSettings = new()
    {
        ["includeIndicatorStyles"] = false, // htmx would insert a <style> element, which style-src 'self' blocks
        ["allowEval"] = false, // no Function() for hx-on or trigger filters, which script-src without 'unsafe-eval' blocks
        ["allowScriptTags"] = false, // swapped fragments never carry scripts; none may run
        ["selfRequestsOnly"] = true, // htmx 2's default, which the tag helper would otherwise write as false
        ["withCredentials"] = false,
    };

    private static SiteTestHost site = null!;

    [ClassInitialize]
    public static async Task Start(TestContext context)
    {
        site = await SiteTestHost.StartAsync();
        site.StartOnLoopback();
    }

    [ClassCleanup]
    public static async Task Stop() => await site.DisposeAsync();

    [TestMethod]
    [DataRow("/")]
    [DataRow("/mens-college-basketball/scores/2025-03-08")]
    [DataRow("/mens-college-basketball/teams/duke")]
    [DataRow("/mens-college-basketball/conferences/acc")]
    [DataRow("/mens-college-basketball/scores/2025-03-05")]
    [DataRow("/no-such-page", HttpStatusCode.NotFound)]
    public async Task Every_page_loads_htmx_once_configured_for_the_CSP(string path, HttpStatusCode status = HttpStatusCode.OK)
    {
        var (_, page) = await site.GetPageAsync(path, status);

        AssertHtmxConfiguredOnce(page, path);
    }

    [TestMethod]
    public async Task The_account_page_loads_htmx_once_with_the_same_configuration()
    {
        await using var database = await TestDatabase.CreateAsync();
        await using var accounts = new AccountSite(database.ConnectionString);
        accounts.UseKestrel(0);
        accounts.StartServer();
        var address = accounts.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        // A cookie-keeping socket client that shows each redirect, as SiteBrowser expects.
        using var browser = new SiteBrowser(new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false, CookieContainer = new() }) { BaseAddress = new Uri(address) });
        await browser.RequestLinkAsync("htmx@example.com");
        var text = (await database.QueryAsync<string>("SELECT text_body FROM email_outbox ORDER BY id DESC LIMIT 1")).Single();
        using var confirm = await browser.ConfirmAsync(SiteBrowser.TokenIn(text));
        Assert.AreEqual(HttpStatusCode.Redirect, confirm.StatusCode, "signed in");

        var (response, page) = await browser.GetAsync("/account?team=duke");

        Assert.AreEqual(HttpStatusCode.OK, response.StatusCode, "the account page");
        Assert.IsNotEmpty(page.QuerySelectorAll("[data-testid=account-follow-form]"), "the page has htmx follow buttons");
        AssertHtmxConfiguredOnce(page, "/account");
    }

    private static void AssertHtmxConfiguredOnce(IHtmlDocument page, string path)
    {
        var scripts = page.QuerySelectorAll("script[src]").Select(s => s.GetAttribute("src")!).ToList();
        Assert.AreEqual(1, scripts.Count(s => s.StartsWith("/lib/htmx/htmx.min.js", StringComparison.Ordinal)), $"{path}: htmx is loaded once ({string.Join(", ", scripts)})");
        var inline = page.QuerySelectorAll("script:not([src])").Where(s => s.GetAttribute("type") != "application/ld+json").ToList();
        Assert.IsEmpty(inline, $"{path}: no inline script, which the CSP would block");

        var metas = page.QuerySelectorAll("meta[name=htmx-config]");
        Assert.HasCount(1, metas, $"{path}: one htmx configuration");
        using var config = JsonDocument.Parse(metas[0].GetAttribute("content")!);
        foreach (var (name, expected) in CspSettings)
        {
            Assert.IsTrue(config.RootElement.TryGetProperty(name, out var value), $"{path}: htmx-config sets {name}: {config.RootElement}");
            Assert.AreEqual(expected, value.GetBoolean(), $"{path}: htmx-config {name}");
        }

        foreach (var attribute in new[] { "includeIndicatorStyles", "allowEval", "allowScriptTags", "selfRequestsOnly" })
        {
            Assert.IsFalse(metas[0].HasAttribute(attribute), $"{path}: the tag helper's attribute {attribute} is not written");
        }
    }
}
