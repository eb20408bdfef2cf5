using System.Net;
using System.Text.Json;
using GamePulse.Tests.Support;
using GamePulse.Tests.Web.Account;

namespace GamePulse.Tests.Nginx;

/// <summary>
/// A whole sign-in through the plain-HTTP nginx site in front of the Production Web (the documented local stack), then
/// every log line both wrote: no query string, no token, no full address, however it was encoded.
/// </summary>
[TestClass]
public sealed class NginxSignInTests
{
    private const string Address = "logged-in@example.com";

    [TestMethod]
    public async Task Sign_in_works_through_nginx_over_plain_http_and_no_log_line_keeps_the_token_or_an_address()
    {
        await using var database = await TestDatabase.CreateAsync();
        await using var stack = await NginxFrontedSite.StartAsync(database.ConnectionString);
        using var browser = SiteBrowser.Over(stack.Nginx.BaseAddress);

        using (var requested = await browser.RequestLinkAsync(Address, returnUrl: "/account"))
        {
            Assert.AreEqual(HttpStatusCode.Redirect, requested.StatusCode, "POST /account/login through nginx");
        }

        var token = SiteBrowser.TokenIn(await SiteBrowser.LatestEmailTextAsync(database, Address));
        var (verify, _) = await browser.GetAsync($"/account/verify?token={token}&returnUrl=%2Faccount");
        using (var confirmed = await browser.ConfirmAsync(token, "/account"))
        {
            Assert.AreEqual(HttpStatusCode.OK, verify.StatusCode, "GET /account/verify?token=… through nginx");
            Assert.AreEqual(HttpStatusCode.Redirect, confirmed.StatusCode, "POST /account/verify through nginx");
        }

        Assert.IsTrue(await browser.IsSignedInAsync(), "signed in through nginx");
        // Addresses in paths, plain, encoded and double-encoded (nginx decodes $uri once, Kestrel decodes the path once).
        foreach (var path in new[] { $"/fans/{Address}/x", "/fans/logged-in%40example.com/x", "/fans/logged-in%2540example.com/x", "/fans/logged-in%252540example.com" })
        {
            (await browser.Http.GetAsync(path)).Dispose();
        }

        await stack.AppLog.RequestsToAsync("/fans/[email]/x", 3);
        var logs = new Dictionary<string, string>
        {
            ["nginx access log"] = stack.Nginx.AccessLog,
            ["nginx error log"] = stack.Nginx.ErrorLog,
            ["app log"] = stack.AppLog.Text,
        };
        foreach (var (name, text) in logs)
        {
            Assert.DoesNotContain(token, text, $"{name}: the sign-in token");
            foreach (var form in new[] { Address, "logged-in%40example.com", "logged-in%2540example.com", "logged-in%252540example.com", "logged-in%40", "logged-in@" })
            {
                Assert.DoesNotContain(form, text, StringComparison.OrdinalIgnoreCase, $"{name}: the address as '{form}'");
            }

            Assert.DoesNotContain("returnUrl", text, $"{name}: a query string");
        }

        var nginxPaths = stack.Nginx.AccessLog.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(line => JsonDocument.Parse(line).RootElement.GetProperty("Properties"))
            .ToList();
        Assert.IsTrue(nginxPaths.Any(p => p.GetProperty("Path").GetString() == "/account/verify"), "nginx logs the path of the link without its query");
        Assert.IsFalse(nginxPaths.Any(p => p.TryGetProperty("Query", out _)), "nginx logs no query field at all");
    }
}
