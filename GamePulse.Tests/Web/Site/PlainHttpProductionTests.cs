using System.Net;
using GamePulse.Tests.Support;
using GamePulse.Tests.Web.Account;

namespace GamePulse.Tests.Web.Site;

/// <summary>
/// Production (no ASPNETCORE_ENVIRONMENT) over plain HTTP, as the documented local stack runs it: sign-in must work,
/// with cookies marked Secure exactly when the request is HTTPS; a deployment that requires HTTPS redirects instead.
/// </summary>
[TestClass]
public sealed class PlainHttpProductionTests
{
    private static TestDatabase database = null!;

    [ClassInitialize]
    public static async Task CreateDatabase(TestContext context) => database = await TestDatabase.CreateAsync();

    [ClassCleanup]
    public static async Task DropDatabase() => await database.DisposeAsync();

    [TestMethod]
    public async Task Every_sign_in_step_works_over_plain_http_and_its_cookies_are_not_marked_secure()
    {
        await using var web = await WebAppServer.StartAsync(database.ConnectionString);
        using var browser = SiteBrowser.Over(web.BaseAddress);

        var (login, _) = await browser.GetAsync("/account/login");
        using var requested = await browser.RequestLinkAsync("plain@example.com");
        var (checkEmail, _) = await browser.GetAsync("/account/check-email");
        using var wrongCode = await browser.TypeCodeAsync("00000000");
        var token = SiteBrowser.TokenIn(await SiteBrowser.LatestEmailTextAsync(database, "plain@example.com"));
        var (verify, _) = await browser.GetAsync($"/account/verify?token={token}");
        using var confirmed = await browser.ConfirmAsync(token);

        Assert.AreEqual(HttpStatusCode.OK, login.StatusCode, "GET /account/login");
        Assert.AreEqual(HttpStatusCode.Redirect, requested.StatusCode, "POST /account/login");
        Assert.AreEqual(HttpStatusCode.OK, checkEmail.StatusCode, "GET /account/check-email");
        Assert.AreEqual(HttpStatusCode.BadRequest, wrongCode.StatusCode, "POST /account/check-email with a wrong code");
        Assert.AreEqual(HttpStatusCode.OK, verify.StatusCode, "GET /account/verify?token=<valid>");
        Assert.AreEqual(HttpStatusCode.Redirect, confirmed.StatusCode, "POST /account/verify");
        Assert.IsTrue(await browser.IsSignedInAsync(), "signed in after confirming the link");
        var cookies = new[] { login, requested, confirmed }.SelectMany(r => r.Headers.TryGetValues("Set-Cookie", out var v) ? v : []).ToList();
        Assert.IsTrue(cookies.Any(c => c.StartsWith("gp_auth=", StringComparison.Ordinal)), "the session cookie was issued");
        Assert.IsFalse(cookies.Any(c => c.Contains("secure", StringComparison.OrdinalIgnoreCase)), $"no cookie is Secure over plain HTTP: {string.Join(" | ", cookies)}");
    }

    [TestMethod]
    public async Task Where_the_deployment_requires_https_plain_http_is_redirected_to_the_public_https_url_and_health_stays_plain()
    {
        await using var web = await WebAppServer.StartAsync(database.ConnectionString, "--Site:PublicBaseUrl=https://scores.example.test", "--Site:RequireHttps=true");
        using var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = web.BaseAddress };

        using var get = await client.GetAsync("/account/login?returnUrl=%2Faccount");
        using var post = await client.PostAsync("/account/login", new FormUrlEncodedContent([new("Email", "a@example.com")]));
        using var healthz = await client.GetAsync("/healthz");

        Assert.AreEqual(HttpStatusCode.MovedPermanently, get.StatusCode, "GET over plain HTTP");
        Assert.AreEqual("https://scores.example.test/account/login?returnUrl=%2Faccount", get.Headers.Location!.ToString(), "to the public HTTPS URL, path and query kept");
        Assert.AreEqual(HttpStatusCode.PermanentRedirect, post.StatusCode, "a POST keeps its method through the redirect");
        Assert.AreEqual(HttpStatusCode.OK, healthz.StatusCode, "the container's health check stays on plain HTTP");
    }

    [TestMethod]
    public async Task Requiring_https_with_an_http_public_base_url_stops_start_up_naming_the_settings()
    {
        var errors = new StringWriter();
        var original = Console.Error;
        Console.SetError(errors);
        int exitCode;
        try
        {
            exitCode = await GamePulse.Hosting.StartupGuard.RunAsync("web", async () =>
            {
                await using var app = GamePulse.Web.Site.WebHost.Build(["--urls=http://127.0.0.1:0", $"--ConnectionStrings:GamePulse={database.ConnectionString}",
                    "--Site:PublicBaseUrl=http://gamepulse.test", "--Site:RequireHttps=true"]);
                await app.StartAsync();
                return 0;
            });
        }
        finally
        {
            Console.SetError(original);
        }

        Assert.AreEqual(78, exitCode, "the configuration exit code");
        StringAssert.Contains(errors.ToString(), "Site__RequireHttps");
    }
}
