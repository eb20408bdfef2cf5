using System.Net;
using System.Text.RegularExpressions;
using GamePulse.Tests.Support;

namespace GamePulse.Tests.Web.Site;

[TestClass]
public sealed partial class ProxyHeadersTests
{
    [TestMethod]
    public async Task Behind_nginx_the_app_sees_the_client_ip_and_https_so_production_forms_work()
    {
        await using var database = await TestDatabase.CreateAsync();
        await using var web = await KestrelWeb.StartAsync(database.ConnectionString, "Production", "--Web:KnownProxies=127.0.0.1");
        using var handler = new HttpClientHandler { AllowAutoRedirect = false, UseCookies = true, CookieContainer = new CookieContainer() };
        using var client = new HttpClient(handler) { BaseAddress = new Uri(web.BaseUrl) };
        // As nginx (on loopback here) forwards a TLS request from 203.0.113.7.
        client.DefaultRequestHeaders.Add("X-Forwarded-For", "203.0.113.7");
        client.DefaultRequestHeaders.Add("X-Forwarded-Proto", "https");
        client.DefaultRequestHeaders.Host = "gamepulse.test"; // UseHsts would skip 127.0.0.1; a real name shows whether the app sends it

        using var page = await client.GetAsync("/account/login");
        Assert.AreEqual(HttpStatusCode.OK, page.StatusCode);
        StringAssert.Contains(string.Join(";", page.Headers.GetValues("Set-Cookie")), "secure", StringComparison.OrdinalIgnoreCase);
        // The Secure cookies are not sent back over the plain-HTTP loopback hop by HttpClient, so pass them on by hand.
        var cookies = string.Join("; ", page.Headers.GetValues("Set-Cookie").Select(c => c.Split(';')[0]));
        var token = Token().Match(await page.Content.ReadAsStringAsync()).Groups[1].Value;
        using var post = new HttpRequestMessage(HttpMethod.Post, "/account/login")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["Email"] = "proxied@example.com", ["__RequestVerificationToken"] = token }),
        };
        post.Headers.Add("Cookie", cookies);
        using var response = await client.SendAsync(post);

        Assert.AreEqual(HttpStatusCode.Redirect, response.StatusCode);
        Assert.AreEqual("203.0.113.7", (await database.QueryAsync<string>("SELECT client_ip FROM login_requests")).Single());
        Assert.IsFalse(response.Headers.Contains("Strict-Transport-Security"), "HSTS comes from nginx alone (decision 0205), never twice");
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex Token();
}
