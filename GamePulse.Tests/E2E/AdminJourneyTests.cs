using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using GamePulse.Data.Ingestion;
using GamePulse.Tests.Support;
using GamePulse.Tests.Web.Account;
using GamePulse.Tests.Web.Admin;
using GamePulse.Web.Site;
using Microsoft.Playwright;

namespace GamePulse.Tests.E2E;

/// <summary>An admin in Debian's Chromium: from the account page to /admin, filtering runs with the form; axe finds nothing.</summary>
[TestClass]
public sealed class AdminJourneyTests
{
    [TestMethod]
    public async Task An_admin_opens_the_admin_area_from_the_account_page_and_filters_the_runs()
    {
        await using var database = await TestDatabase.CreateAsync();
        await database.RecordRunAsync(AdminData.Mens, IngestOutcome.Succeeded, TimeSpan.FromMinutes(3));
        await database.RecordRunAsync(AdminData.Womens, IngestOutcome.Failed, TimeSpan.FromMinutes(2), error: "ESPN answered 503");
        await database.RecordRunAsync(AdminData.Womens, IngestOutcome.Succeeded, TimeSpan.FromMinutes(1));
        var baseUrl = $"http://127.0.0.1:{FreePort()}";
        await using var web = WebHost.Build(
        [
            "--environment", "Development",
            "--applicationName", "GamePulse.Web",
            "--contentRoot", Path.Combine(RepositoryPaths.Root, "GamePulse.Web"),
            "--urls", baseUrl,
            $"--ConnectionStrings:GamePulse={database.ConnectionString}",
            $"--Site:PublicBaseUrl={baseUrl}",
            $"--Admin:Emails={AccountSite.AdminEmail}",
            "--Logging:MinimumLevel=Warning",
        ]);
        await web.StartAsync();
        await using var browser = await ChromiumSession.LaunchAsync();
        // axe is injected from the test, which the site's CSP rightly forbids; the site's own scripts are unaffected.
        await using var context = await browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = baseUrl, BypassCSP = true });
        var page = await context.NewPageAsync();
        try
        {
            await page.GotoAsync("/admin");
            Assert.StartsWith($"{baseUrl}/account/login", page.Url, "anonymous: sent to sign in");
            await page.GetByTestId("account-login-email").FillAsync(AccountSite.AdminEmail);
            await page.GetByTestId("account-login-submit").ClickAsync();
            var text = (await database.QueryAsync<string>("SELECT text_body FROM email_outbox ORDER BY id DESC LIMIT 1")).Single();
            await page.GotoAsync("/account/verify?token=" + SiteBrowser.TokenIn(text));
            await page.GetByTestId("account-verify-confirm").ClickAsync();

            await page.GotoAsync("/account");
            await page.GetByTestId("account-admin-link").ClickAsync();
            await page.WaitForURLAsync($"{baseUrl}/admin");
            Assert.AreEqual(3, await page.GetByTestId("admin-runs-row").CountAsync());

            await page.GetByTestId("admin-filter-league").SelectOptionAsync("womens");
            await page.GetByTestId("admin-filter-outcome").SelectOptionAsync("failed");
            await page.GetByTestId("admin-filter-submit").ClickAsync();
            await page.WaitForURLAsync($"{baseUrl}/admin?league=womens&outcome=failed");

            var rows = page.GetByTestId("admin-runs-row");
            Assert.AreEqual(1, await rows.CountAsync());
            Assert.AreEqual("failed", await rows.First.GetAttributeAsync("data-outcome"));
            Assert.AreEqual("fresh", await page.Locator("[data-testid=admin-freshness-row][data-league=womens]").GetAttributeAsync("data-state"));

            await page.AddScriptTagAsync(new PageAddScriptTagOptions { Path = Path.Combine(RepositoryPaths.Root, "node_modules", "axe-core", "axe.min.js") });
            var violations = await page.EvaluateAsync<JsonElement>("async () => (await axe.run(document, { runOnly: ['wcag2a', 'wcag2aa'] })).violations.map(v => v.id + ': ' + v.help)");
            Assert.AreEqual(0, violations.GetArrayLength(), violations.ToString());
        }
        finally
        {
            await web.StopAsync();
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
