using System.Net;
using GamePulse.Tests.Support;

namespace GamePulse.Tests.Web.Site;

/// <summary>
/// Every route answers the methods it handles and 405 with an Allow header for the rest (never a page rendered without
/// its handler); HEAD works wherever GET does. Real Kestrel, Production.
/// </summary>
[TestClass]
public sealed class MethodHandlingTests
{
    private static readonly string[] Unsupported = ["TRACE", "OPTIONS", "PUT", "DELETE", "PATCH", "FOO"];
    private static TestDatabase database = null!;
    private static ScoreboardDay day = null!;
    private static WebAppServer web = null!;
    private static HttpClient client = null!;

    [ClassInitialize]
    public static async Task Start(TestContext context)
    {
        database = await TestDatabase.CreateAsync();
        day = await ScoreboardDay.SeedAsync(database);
        web = await WebAppServer.StartAsync(database.ConnectionString);
        client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = web.BaseAddress };
    }

    [ClassCleanup]
    public static async Task Stop()
    {
        client.Dispose();
        await web.DisposeAsync();
        await database.DisposeAsync();
    }

    [TestMethod]
    public async Task Get_only_routes_answer_405_with_allow_get_head_to_every_other_method()
    {
        var failures = new List<string>();
        foreach (var path in SiteRoutes.GetOnly(day))
        {
            foreach (var method in Unsupported.Append("POST"))
            {
                using var response = await client.SendAsync(new HttpRequestMessage(new HttpMethod(method), path));
                var allow = response.Content.Headers.Allow.Count > 0 ? string.Join(", ", response.Content.Headers.Allow) : null;
                if (response.StatusCode != HttpStatusCode.MethodNotAllowed || allow is null || !allow.Contains("GET") || !allow.Contains("HEAD") || allow.Contains(method))
                {
                    failures.Add($"{method} {path}: {(int)response.StatusCode} Allow={allow ?? "(none)"}");
                }
            }
        }

        Assert.IsEmpty(failures, "every method a GET route does not handle is 405 with Allow: GET, HEAD\n" + string.Join("\n", failures));
    }

    [TestMethod]
    public async Task Form_pages_allow_get_head_and_post_and_refuse_the_rest_with_405()
    {
        var failures = new List<string>();
        foreach (var path in SiteRoutes.WithForms)
        {
            foreach (var method in Unsupported)
            {
                using var response = await client.SendAsync(new HttpRequestMessage(new HttpMethod(method), path));
                var allow = string.Join(", ", response.Content.Headers.Allow);
                if (response.StatusCode != HttpStatusCode.MethodNotAllowed || !allow.Contains("POST") || !allow.Contains("GET") || allow.Contains(method))
                {
                    failures.Add($"{method} {path}: {(int)response.StatusCode} Allow={allow}");
                }
            }
        }

        Assert.IsEmpty(failures, "form pages: 405 with Allow: GET, HEAD, POST\n" + string.Join("\n", failures));
    }

    [TestMethod]
    public async Task A_405_is_the_sites_own_page_not_an_empty_body_or_a_stack_trace()
    {
        using var response = await client.SendAsync(new HttpRequestMessage(new HttpMethod("TRACE"), SiteRoutes.Scoreboard));
        var html = await response.Content.ReadAsStringAsync();

        Assert.AreEqual(HttpStatusCode.MethodNotAllowed, response.StatusCode, "TRACE on a scoreboard");
        StringAssert.Contains(html, "data-testid=\"error-heading\"", "the site's error page");
        Assert.DoesNotContain("Exception", html, "no stack trace");
    }

    [TestMethod]
    public async Task Head_works_wherever_get_does()
    {
        var failures = new List<string>();
        foreach (var path in new[] { "/", SiteRoutes.Scoreboard, "/sitemap.xml", "/sitemaps/mens-college-basketball-pages.xml", "/robots.txt", "/healthz", "/account/login", "/css/site.css" })
        {
            using var get = await client.GetAsync(path);
            using var head = await client.SendAsync(new HttpRequestMessage(HttpMethod.Head, path));
            var body = await head.Content.ReadAsByteArrayAsync();
            if (head.StatusCode != get.StatusCode || body.Length != 0)
            {
                failures.Add($"HEAD {path}: {(int)head.StatusCode} (GET {(int)get.StatusCode}), {body.Length} body bytes");
            }
        }

        Assert.IsEmpty(failures, "HEAD answers as GET does, without a body\n" + string.Join("\n", failures));
    }

    [TestMethod]
    public async Task A_post_to_a_page_naming_no_handler_it_has_is_404_not_the_page()
    {
        using var response = await client.PostAsync("/account?handler=Nope", new FormUrlEncodedContent([]));

        Assert.AreEqual(HttpStatusCode.NotFound, response.StatusCode, "POST /account?handler=Nope");
    }
}
