using System.Net;
using AngleSharp.Html.Parser;
using GamePulse.Tests.Support;

namespace GamePulse.Tests.Web.Site;

/// <summary>/error only renders other requests' errors; asked for directly it is just an unknown page.</summary>
[TestClass]
public sealed class ErrorPageTests
{
    private static WebAppServer web = null!;

    [ClassInitialize]
    public static async Task Start(TestContext context) => web = await WebAppServer.StartAsync(await PostgresServer.CreateDatabaseAsync());

    [ClassCleanup]
    public static async Task Stop() => await web.DisposeAsync();

    [TestMethod]
    [DataRow("GET", "/error")]
    [DataRow("GET", "/error?status=abc")]
    [DataRow("GET", "/error?status=500")]
    [DataRow("GET", "/error?status=403")]
    [DataRow("POST", "/error?status=500")]
    [DataRow("HEAD", "/error?status=500")]
    [DataRow("TRACE", "/error")]
    public async Task Requesting_the_error_page_directly_is_a_404(string method, string path)
    {
        using var client = new HttpClient { BaseAddress = web.BaseAddress };

        using var response = await client.SendAsync(new HttpRequestMessage(new HttpMethod(method), path));
        var html = await response.Content.ReadAsStringAsync();

        Assert.AreEqual(HttpStatusCode.NotFound, response.StatusCode, $"{method} {path}");
        if (method is "GET" or "POST")
        {
            Assert.AreEqual("Page not found", new HtmlParser().ParseDocument(html).QuerySelector("[data-testid=error-heading]")!.TextContent, "the site's 404 page");
        }
    }
}
