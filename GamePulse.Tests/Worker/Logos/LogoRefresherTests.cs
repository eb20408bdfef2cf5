using GamePulse.Data.Teams.Logos;
using GamePulse.Tests.Support;
using GamePulse.Tests.Web.ShareCards;
using GamePulse.Tests.Worker.Ingestion;
using GamePulse.Worker.Logos;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using SkiaSharp;

namespace GamePulse.Tests.Worker.Logos;

/// <summary>The Worker's logo pass against a real local HTTP server that answers each path its own way.</summary>
[TestClass]
public sealed class LogoRefresherTests
{
    private static readonly byte[] Png = CardRendererTests.SolidPng(new SKColor(0x10, 0x80, 0x20));
    private static readonly DateTimeOffset Now = new(2025, 3, 9, 1, 0, 0, TimeSpan.Zero);

    private static TestDatabase database = null!;
    private static FakeFeedServer upstream = null!;
    private static readonly Dictionary<string, int> Teams = [];

    [ClassInitialize]
    public static async Task Start(TestContext context)
    {
        database = await TestDatabase.CreateAsync();
        upstream = await FakeFeedServer.StartAsync((http, _) => AnswerAsync(http));
        // Only the teams of this test point at the local server; the template's own logo URLs are ESPN's.
        await database.ExecuteAsync("UPDATE teams SET logo_url = NULL");
        var ids = await database.QueryAsync<int>("SELECT id FROM teams WHERE league_id = 1 ORDER BY id LIMIT 8");
        string[] paths = ["ok.png", "missing.png", "error.png", "slow.png", "page.html", "huge.png", "liar.png", "unchunked-huge.png"];
        for (var i = 0; i < paths.Length; i++)
        {
            Teams[paths[i]] = ids[i];
            await database.ExecuteAsync("UPDATE teams SET logo_url = @url WHERE id = @id", new { url = $"{upstream.BaseUrl}/{paths[i]}", id = ids[i] });
        }
    }

    [ClassCleanup]
    public static async Task Stop()
    {
        await upstream.DisposeAsync();
        await database.DisposeAsync();
    }

    private static async Task AnswerAsync(HttpContext http)
    {
        var response = http.Response;
        switch (http.Request.Path.Value)
        {
            case "/ok.png":
                response.Headers.ETag = "\"logo-1\"";
                if (http.Request.Headers.IfNoneMatch == "\"logo-1\"")
                {
                    response.StatusCode = StatusCodes.Status304NotModified;
                    return;
                }

                response.ContentType = "image/png";
                await response.Body.WriteAsync(Png);
                return;
            case "/error.png":
                response.StatusCode = StatusCodes.Status503ServiceUnavailable;
                return;
            case "/slow.png":
                await Task.Delay(TimeSpan.FromSeconds(3), http.RequestAborted);
                return;
            case "/page.html":
                response.ContentType = "text/html";
                await response.WriteAsync("<html>not a logo</html>");
                return;
            case "/huge.png":
                response.ContentType = "image/png";
                response.ContentLength = LogoImages.MaxBytes + 1;
                await response.Body.WriteAsync(new byte[LogoImages.MaxBytes + 1]);
                return;
            case "/unchunked-huge.png":
                // No Content-Length: the cap must hold while reading.
                response.ContentType = "image/png";
                await response.Body.WriteAsync(Png);
                await response.Body.WriteAsync(new byte[LogoImages.MaxBytes]);
                return;
            case "/liar.png":
                response.ContentType = "image/png";
                await response.WriteAsync("GIF89a... or a script, anything but a PNG");
                return;
            default:
                response.StatusCode = StatusCodes.Status404NotFound;
                return;
        }
    }

    private static LogoRefresher Refresher(TeamLogoRepository logos, DateTimeOffset now, out LogoClient client)
    {
        var options = Options.Create(new LogoOptions { RequestTimeoutSeconds = 1, MaxRetries = 1, RetryBaseDelayMilliseconds = 10, RequestsPerSecond = 50 });
        var clock = new TestClock(now);
        client = new LogoClient(options, clock);
        return new LogoRefresher(logos, client, options, clock, NullLogger<LogoRefresher>.Instance);
    }

    [TestMethod]
    public async Task One_pass_stores_the_good_logo_refuses_the_rest_then_revalidates_it_after_the_refresh_age()
    {
        var logos = new TeamLogoRepository(database.Databases);

        var first = Refresher(logos, Now, out var client).RunAsync(CancellationToken.None);
        var pass = await first;
        client.Dispose();

        Assert.AreEqual(8, pass.Due, "every team with a logo URL is due once");
        Assert.AreEqual(1, pass.Stored, "only the real PNG is stored");
        Assert.AreEqual(7, pass.Failed, "404, 503, timeout, HTML, too large (declared and not), wrong bytes");
        var stored = await logos.FindAsync(Teams["ok.png"]);
        Assert.IsNotNull(stored, "the good logo is stored");
        CollectionAssert.AreEqual(Png, stored.Content, "its bytes as served");
        Assert.AreEqual("image/png", stored.ContentType, "its type");
        Assert.AreEqual("\"logo-1\"", stored.UpstreamEtag, "the upstream's ETag for the next conditional GET");
        Assert.AreEqual(LogoImages.Version(Png), stored.Version, "the version is the content's hash");

        var reasons = (await database.QueryAsync<FailureRow>("SELECT team_id AS TeamId, reason AS Reason FROM team_logo_failures")).ToDictionary(r => r.TeamId, r => r.Reason);
        Assert.AreEqual("HTTP 404", reasons[Teams["missing.png"]], "404");
        Assert.AreEqual("HTTP 503", reasons[Teams["error.png"]], "5xx after its retries");
        Assert.AreEqual("timed out", reasons[Teams["slow.png"]], "timeout");
        StringAssert.StartsWith(reasons[Teams["page.html"]], "not an allowed image type", "wrong content type");
        StringAssert.StartsWith(reasons[Teams["huge.png"]], "too large", "declared too large");
        StringAssert.StartsWith(reasons[Teams["unchunked-huge.png"]], "too large", "too large while read");
        Assert.AreEqual("the bytes are not image/png", reasons[Teams["liar.png"]], "a body that is not what it claims");
        foreach (var path in new[] { "missing.png", "page.html", "liar.png" })
        {
            Assert.IsNull(await logos.FindAsync(Teams[path]), $"{path}: nothing stored");
        }

        var again = await Refresher(logos, Now.AddHours(1), out var sameDay).RunAsync(CancellationToken.None);
        sameDay.Dispose();
        Assert.AreEqual(0, again.Due, "an hour later nothing is due: the stored logo is fresh and failures wait a day");

        var later = Refresher(logos, Now.AddDays(31), out var monthLater);
        var revalidated = await later.RunAsync(CancellationToken.None);
        monthLater.Dispose();
        Assert.AreEqual(1, revalidated.Unchanged, "a month later the stored logo is asked for again and the upstream answers 304");
        var checkedAt = (await logos.FindAsync(Teams["ok.png"]))!.CheckedAt;
        Assert.AreEqual(Now.AddDays(31), checkedAt, "the 304 moves checked_at");
        var conditional = upstream.Requests.Count(r => r.PathAndQuery == "/ok.png");
        Assert.AreEqual(2, conditional, "the good logo was requested twice in all: once, and once conditionally a month later");
    }

    private sealed record FailureRow
    {
        public int TeamId { get; init; }

        public required string Reason { get; init; }
    }
}
