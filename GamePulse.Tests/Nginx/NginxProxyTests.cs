using System.IO.Compression;
using System.Net;
using AngleSharp.Html.Parser;
using GamePulse.Tests.Support;

namespace GamePulse.Tests.Nginx;

/// <summary>
/// The repository's nginx configuration, run by Debian's nginx in front of the real Web on loopback: what a visitor
/// gets through the proxy in production (minus TLS, which nginx/check.sh covers with `nginx -t`).
/// </summary>
[TestClass]
public sealed class NginxProxyTests
{
    private static string connectionString = "";

    [ClassInitialize]
    public static async Task CreateDatabaseAsync(TestContext context) => connectionString = await PostgresServer.CreateDatabaseAsync();

    [TestMethod]
    public async Task Requests_reach_the_app_with_the_client_address_and_nginx_request_id()
    {
        await using var stack = await NginxFrontedSite.StartAsync(connectionString);

        // From loopback, nginx's real_ip module believes X-Forwarded-For (set_real_ip_from 127.0.0.1/32, as a load
        // balancer would send it); the app must then see that address, not nginx's.
        using var response = await stack.SendAsync(HttpMethod.Get, "/healthz", ("X-Forwarded-For", "198.51.100.23"));

        Assert.AreEqual(HttpStatusCode.OK, response.StatusCode);
        StringAssert.Contains(await response.Content.ReadAsStringAsync(), "\"status\":\"healthy\"");
        var seen = Assert.ContainsSingle(await stack.AppLog.RequestsToAsync("/healthz", 1)).GetProperty("Properties");
        Assert.AreEqual("198.51.100.23", seen.GetProperty("ClientIp").GetString());
        Assert.AreEqual("http", seen.GetProperty("Scheme").GetString());
        Assert.MatchesRegex("^[0-9a-f]{32}$", seen.GetProperty("RequestId").GetString());
        StringAssert.Contains(stack.Nginx.AccessLog, seen.GetProperty("RequestId").GetString()!);
    }

    [TestMethod]
    public async Task The_apps_own_readyz_503_passes_through_uncached_instead_of_the_maintenance_page()
    {
        await using var stack = await NginxFrontedSite.StartAsync(await PostgresServer.CreateEmptyDatabaseAsync());

        using var first = await stack.SendAsync(HttpMethod.Get, "/readyz");
        using var second = await stack.SendAsync(HttpMethod.Get, "/readyz");

        Assert.AreEqual(HttpStatusCode.ServiceUnavailable, second.StatusCode);
        Assert.AreEqual("application/json; charset=utf-8", second.Content.Headers.ContentType!.ToString());
        StringAssert.Contains(await second.Content.ReadAsStringAsync(), "\"migrations\":{\"status\":\"unhealthy\"");
        Assert.IsNull(Header(second, "X-Cache-Status"));
        Assert.HasCount(2, await stack.AppLog.RequestsToAsync("/readyz", 2));
    }

    [TestMethod]
    public async Task Anonymous_scoreboard_gets_are_micro_cached_per_htmx_variant()
    {
        await using var stack = await NginxFrontedSite.StartAsync(connectionString);

        using var first = await stack.SendAsync(HttpMethod.Get, "/");
        using var second = await stack.SendAsync(HttpMethod.Get, "/");
        using var fragment = await stack.SendAsync(HttpMethod.Get, "/", ("HX-Request", "true"));

        Assert.AreEqual(HttpStatusCode.OK, first.StatusCode);
        Assert.AreEqual("MISS", Header(first, "X-Cache-Status"));
        Assert.AreEqual("HIT", Header(second, "X-Cache-Status"));
        Assert.AreEqual(await first.Content.ReadAsStringAsync(), await second.Content.ReadAsStringAsync());
        Assert.AreEqual("MISS", Header(fragment, "X-Cache-Status"), "an htmx request must not get the cached full page");
        // Waits a little for a third line that must not come: the HIT never reached the app.
        Assert.HasCount(2, await stack.AppLog.RequestsToAsync("/", 3, TimeSpan.FromSeconds(1)), "the HIT never reached the app");
    }

    [TestMethod]
    public async Task The_auth_cookie_bypasses_the_micro_cache()
    {
        await using var stack = await NginxFrontedSite.StartAsync(connectionString);

        using var anonymous = await stack.SendAsync(HttpMethod.Get, "/");
        using var signedIn = await stack.SendAsync(HttpMethod.Get, "/", ("Cookie", "gp_auth=CfDJ8signedin"));
        using var signedInAgain = await stack.SendAsync(HttpMethod.Get, "/", ("Cookie", "gp_auth=CfDJ8signedin"));

        Assert.AreEqual("MISS", Header(anonymous, "X-Cache-Status"));
        Assert.AreEqual("BYPASS", Header(signedIn, "X-Cache-Status"));
        Assert.AreEqual("BYPASS", Header(signedInAgain, "X-Cache-Status"));
        Assert.HasCount(3, await stack.AppLog.RequestsToAsync("/", 3));
    }

    [TestMethod]
    public async Task Login_posts_beyond_the_burst_get_429_with_retry_after_but_the_form_stays_reachable()
    {
        await using var stack = await NginxFrontedSite.StartAsync(connectionString);
        var client = ("X-Forwarded-For", "203.0.113.77");

        var statuses = new List<HttpStatusCode>();
        HttpResponseMessage? limited = null;
        for (var attempt = 0; attempt < 7; attempt++)
        {
            var response = await stack.SendAsync(HttpMethod.Post, "/account/login", client);
            statuses.Add(response.StatusCode);
            if (attempt == 6)
            {
                limited = response;
            }
            else
            {
                response.Dispose();
            }
        }

        using var form = await stack.SendAsync(HttpMethod.Get, "/account/login", client);
        using var otherClient = await stack.SendAsync(HttpMethod.Post, "/Account/Login", ("X-Forwarded-For", "203.0.113.78"));

        using (limited)
        {
            Assert.IsFalse(statuses.Take(6).Contains(HttpStatusCode.TooManyRequests), string.Join(",", statuses));
            Assert.AreEqual(HttpStatusCode.TooManyRequests, limited!.StatusCode);
            Assert.AreEqual("60", Header(limited, "Retry-After"));
        }

        Assert.HasCount(6, await stack.AppLog.RequestsToAsync("/account/login", 7, TimeSpan.FromSeconds(1), e => e.GetProperty("Properties").GetProperty("Method").GetString() == "POST"));
        Assert.AreNotEqual(HttpStatusCode.TooManyRequests, form.StatusCode, "GET (the form) is never limited");
        Assert.AreNotEqual(HttpStatusCode.TooManyRequests, otherClient.StatusCode, "the limit is per client address");
    }

    [TestMethod]
    public async Task Oversized_request_bodies_are_refused_with_413_before_reaching_the_app()
    {
        await using var stack = await NginxFrontedSite.StartAsync(connectionString);
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri("/account/login", UriKind.Relative))
        {
            Content = new ByteArrayContent(new byte[100 * 1024]),
        };
        request.Headers.Add("X-Forwarded-For", "203.0.113.90");

        using var response = await stack.Client.SendAsync(request);

        Assert.AreEqual(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.IsEmpty(await stack.AppLog.RequestsToAsync("/account/login", 1, TimeSpan.FromSeconds(1)));
    }

    [TestMethod]
    public async Task Fingerprinted_static_files_are_immutable_for_a_year_and_unversioned_ones_are_not()
    {
        await using var stack = await NginxFrontedSite.StartAsync(connectionString);
        using var page = await stack.SendAsync(HttpMethod.Get, "/");
        var document = new HtmlParser().ParseDocument(await page.Content.ReadAsStringAsync());
        var stylesheet = document.QuerySelector("link[rel=stylesheet]")?.GetAttribute("href");
        Assert.IsNotNull(stylesheet);
        StringAssert.StartsWith(stylesheet, "/css/site.css?v=", "the layout fingerprints its stylesheet (asp-append-version)");

        using var versioned = await stack.SendAsync(HttpMethod.Get, stylesheet);
        using var versionedAgain = await stack.SendAsync(HttpMethod.Get, stylesheet);
        using var unversioned = await stack.SendAsync(HttpMethod.Get, "/css/site.css");
        using var staleFingerprint = await stack.SendAsync(HttpMethod.Get, "/css/gone.css?v=abc");

        Assert.AreEqual(HttpStatusCode.OK, versioned.StatusCode);
        Assert.AreEqual("public, max-age=31536000, immutable", Header(versioned, "Cache-Control"));
        Assert.AreEqual("MISS", Header(versioned, "X-Cache-Status"));
        Assert.AreEqual("HIT", Header(versionedAgain, "X-Cache-Status"));
        Assert.AreEqual(HttpStatusCode.OK, unversioned.StatusCode);
        Assert.DoesNotContain("immutable", Header(unversioned, "Cache-Control") ?? "");
        Assert.AreEqual(HttpStatusCode.NotFound, staleFingerprint.StatusCode);
        Assert.DoesNotContain("immutable", Header(staleFingerprint, "Cache-Control") ?? "", "a 404 must never be cached for a year");
    }

    [TestMethod]
    public async Task Responses_carry_each_security_header_once_and_no_server_version()
    {
        await using var stack = await NginxFrontedSite.StartAsync(connectionString);

        using var response = await stack.SendAsync(HttpMethod.Get, "/");

        Assert.AreEqual("nginx", Header(response, "Server"));
        Assert.AreEqual("nosniff", Header(response, "X-Content-Type-Options"));
        Assert.AreEqual("strict-origin-when-cross-origin", Header(response, "Referrer-Policy"));
        Assert.AreEqual(GamePulse.Web.Site.SecurityHeaders.ContentSecurityPolicy, Header(response, "Content-Security-Policy"));
        StringAssert.Contains(Header(response, "Permissions-Policy"), "geolocation=()");
        Assert.IsNull(Header(response, "Strict-Transport-Security"), "HSTS only over HTTPS");
    }

    [TestMethod]
    public async Task Text_responses_are_gzipped_and_decompress_to_the_original()
    {
        await using var stack = await NginxFrontedSite.StartAsync(connectionString);

        using var response = await stack.SendAsync(HttpMethod.Get, "/lib/htmx/htmx.min.js?v=test", ("Accept-Encoding", "gzip"));

        Assert.AreEqual(HttpStatusCode.OK, response.StatusCode);
        Assert.AreEqual("gzip", string.Join(",", response.Content.Headers.ContentEncoding));
        await using var gzip = new GZipStream(await response.Content.ReadAsStreamAsync(), CompressionMode.Decompress);
        using var decompressed = new MemoryStream();
        await gzip.CopyToAsync(decompressed);
        var original = await File.ReadAllBytesAsync(Path.Combine(RepositoryPaths.Root, "GamePulse.Web", "wwwroot", "lib", "htmx", "htmx.min.js"));
        CollectionAssert.AreEqual(original, decompressed.ToArray());
    }

    [TestMethod]
    public async Task With_the_app_stopped_visitors_get_the_503_maintenance_page()
    {
        await using var stack = await NginxFrontedSite.StartAsync(connectionString);
        using var before = await stack.SendAsync(HttpMethod.Get, "/games/1");
        await stack.Web.StopAsync();

        using var response = await stack.SendAsync(HttpMethod.Get, "/games/1");
        var html = await response.Content.ReadAsStringAsync();

        Assert.AreNotEqual(HttpStatusCode.ServiceUnavailable, before.StatusCode);
        Assert.AreEqual(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        StringAssert.Contains(html, "<h1>We'll be right back</h1>");
        Assert.AreEqual("30", Header(response, "Retry-After"));
        Assert.AreEqual("no-store", Header(response, "Cache-Control"));
        StringAssert.Contains(Header(response, "Permissions-Policy"), "camera=()");
        var csp = Header(response, "Content-Security-Policy");
        Assert.IsNotNull(csp, "the maintenance page has a Content-Security-Policy too");
        StringAssert.Contains(csp, "default-src 'none'", "it loads nothing from anywhere");
        StringAssert.Contains(csp, "frame-ancestors 'none'");
        Assert.DoesNotContain("script-src", csp, "no scripts at all (default-src 'none' covers them)");
        Assert.AreEqual("DENY", Header(response, "X-Frame-Options"));
        Assert.AreEqual("nosniff", Header(response, "X-Content-Type-Options"));
    }

    private static string? Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) || response.Content.Headers.TryGetValues(name, out values)
            ? string.Join(" | ", values)
            : null;
}
