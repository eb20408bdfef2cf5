using System.Net;
using System.Net.Sockets;
using System.Text;
using GamePulse.Tests.Support;
using GamePulse.Tests.Web.Account;

namespace GamePulse.Tests.Web.Site;

/// <summary>
/// A hostile or careless client against every route of the real Web (Kestrel, Production, forwarded headers trusted
/// from loopback as behind nginx): odd methods, headers, bodies, paths and broken HTTP framing, anonymous and signed
/// in. The database is up, so nothing may answer a 5xx (the outage sweep is in Web/Outage).
/// </summary>
[TestClass]
public sealed class BadInputSweepTests
{
    private static readonly string[] Methods = ["GET", "HEAD", "POST", "PUT", "DELETE", "PATCH", "OPTIONS", "TRACE", "FOO", "get"];

    private static readonly (string Name, string Value)[] Headers =
    [
        ("X-Forwarded-Proto", "garbage"),
        ("X-Forwarded-Proto", "https, http"),
        ("X-Forwarded-Proto", ""),
        ("X-Forwarded-For", "not-an-address"),
        ("X-Forwarded-For", "1.2.3.4, zzz, ::1, 999.1.1.1"),
        ("X-Forwarded-For", new string('9', 4000)),
        ("X-Forwarded-Host", "evil.example"),
        ("HX-Request", "true"),
        ("HX-Request", "yes please"),
        ("If-None-Match", "garbage"),
        ("If-None-Match", "*"),
        ("If-Modified-Since", "yesterday"),
        ("Accept", "text/nonsense;;q=x"),
        ("Accept-Encoding", "gzip;q=abc, br;q="),
        ("Accept-Language", "zz-ZZ;q=1.5"),
        ("Cookie", "gp_auth=garbage; gp_csrf=garbage; gp_login=garbage"),
        ("Cookie", "gp_view=garbage; gp_tz=%zz%"),
        ("Cookie", "gp_view=auto.hide; gp_tz=" + new string('x', 3000)),
        ("Cookie", "gp_auth=CfDJ8" + new string('A', 3000)),
        ("Range", "bytes=garbage"),
        ("Content-Type", "application/x-www-form-urlencoded; charset=nope"),
        ("Referer", "javascript:alert(1)"),
        ("User-Agent", new string('x', 6000)),
        ("traceparent", "00-zz-zz-zz"),
        ("X-Request-Id", new string('a', 2000)),
        ("Authorization", "Bearer garbage"),
    ];

    private static readonly string[] Paths =
    [
        "/MENS-COLLEGE-BASKETBALL/SCORES/2025-03-08",
        "/mens-college-basketball/scores/2025-02-30",
        "/mens-college-basketball/scores/2025-3-8",
        "/mens-college-basketball/scores/1999-01-01",
        "/mens-college-basketball/scores/9999-99-99",
        "/mens-college-basketball/scores?date=%zz",
        "/mens-college-basketball/scores?date=2025-03-08&date=2025-03-09",
        "/mens-college-basketball/scores/2025-03-08?order=pulse&order=time",
        "/mens-college-basketball/scores/2025-03-08?teams=mine",
        "/mens-college-basketball/scores/2025-03-08?teams=%00",
        "/mens-college-basketball/scores/2025-03-08?spoilers=maybe",
        "/mens-college-basketball/scores/2025-03-08?spoilers=hide&spoilers=show",
        "/nba/scores",
        "/mens-college-basketball/games/99999999999999999999",
        "/mens-college-basketball/games/-1",
        "/mens-college-basketball/games/1/%2e%2e",
        "/mens-college-basketball/teams/%00",
        "/mens-college-basketball/teams/" + new string('a', 2000),
        "/mens-college-basketball/conferences/%ff%fe",
        "/sitemaps/..xml",
        "/sitemaps/%2e%2e%2fetc.xml",
        "/sitemaps/mens-college-basketball-99999999999.xml",
        "/sitemaps/-2025.xml",
        "/account/verify?token=" + new string('A', 43),
        "/account/verify?token=%00%01",
        "/account/login?returnUrl=//evil.example",
        "/account/login?returnUrl=%5C%5Cevil.example",
        "/account?handler=Delete",
        "/account?team=%00",
        "/account/follows/999999999999",
        "/account/follows/abc",
        "/admin?page=-1&league=nba&outcome=x",
        "/admin?page=99999999999999",
        "/error?status=%00",
        "/double//slashes//",
        "/a/../../../etc/passwd",
        "/%2e%2e/%2e%2e/",
        "/%c0%af",
        "/fan@example.com",
        "/x/" + new string('y', 6000),
        "/css/../appsettings.json",
        "/lib/htmx/htmx.min.js?v=" + new string('z', 3000),
        "/healthz?x=%",
        "/ünïcödé/スコア",
    ];

    private static TestDatabase database = null!;
    private static ScoreboardDay day = null!;
    private static WebAppServer web = null!;
    private static HttpClient anonymous = null!;
    private static SiteBrowser member = null!;
    private static string memberToken = "";

    [ClassInitialize]
    public static async Task Start(TestContext context)
    {
        database = await TestDatabase.CreateAsync();
        day = await ScoreboardDay.SeedAsync(database);
        web = await WebAppServer.StartAsync(database.ConnectionString, "--Web:KnownProxies=127.0.0.1", $"--Admin:Emails=sweep-admin@example.com");
        anonymous = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false }) { BaseAddress = web.BaseAddress };
        member = SiteBrowser.Over(web.BaseAddress);
        await member.SignInAsync(database, "sweep-admin@example.com");
        memberToken = await member.AntiforgeryTokenAsync("/account");
    }

    [ClassCleanup]
    public static async Task Stop()
    {
        anonymous.Dispose();
        member.Dispose();
        await web.DisposeAsync();
        await database.DisposeAsync();
    }

    [TestMethod]
    public async Task Every_method_on_every_route_anonymous_and_signed_in_is_never_a_5xx()
    {
        var failures = new List<string>();
        foreach (var client in new[] { ("anonymous", anonymous), ("signed in", member.Http) })
        {
            foreach (var path in SiteRoutes.All(day))
            {
                foreach (var method in Methods)
                {
                    using var request = new HttpRequestMessage(new HttpMethod(method), path);
                    if (method is "POST" or "PUT" or "PATCH")
                    {
                        request.Content = new FormUrlEncodedContent([new("Email", "x@example.com"), new("__RequestVerificationToken", memberToken), new("follow", "true")]);
                    }

                    await CheckAsync(client.Item2, request, $"{client.Item1} {method} {path}", failures);
                }
            }
        }

        Assert.IsEmpty(failures, string.Join("\n", failures));
    }

    [TestMethod]
    public async Task Odd_and_hostile_headers_on_every_route_are_never_a_5xx()
    {
        var failures = new List<string>();
        foreach (var path in SiteRoutes.All(day))
        {
            foreach (var (name, value) in Headers)
            {
                foreach (var method in new[] { "GET", "POST" })
                {
                    using var request = new HttpRequestMessage(new HttpMethod(method), path);
                    if (!request.Headers.TryAddWithoutValidation(name, value))
                    {
                        request.Content ??= new ByteArrayContent([]);
                        request.Content.Headers.TryAddWithoutValidation(name, value);
                    }

                    await CheckAsync(anonymous, request, $"{method} {path} with {name}: {Shorten(value)}", failures);
                }
            }
        }

        Assert.IsEmpty(failures, string.Join("\n", failures));
    }

    [TestMethod]
    public async Task Malformed_and_odd_paths_and_queries_are_never_a_5xx()
    {
        var failures = new List<string>();
        foreach (var path in Paths)
        {
            foreach (var client in new[] { ("anonymous", anonymous), ("signed in", member.Http) })
            {
                await CheckAsync(client.Item2, new HttpRequestMessage(HttpMethod.Get, new Uri(path, UriKind.Relative)), $"{client.Item1} GET {Shorten(path)}", failures);
            }
        }

        Assert.IsEmpty(failures, string.Join("\n", failures));
    }

    [TestMethod]
    public async Task Malformed_bodies_on_every_form_are_never_a_5xx()
    {
        var failures = new List<string>();
        var bodies = new (string Name, Func<HttpContent?> Content)[]
        {
            ("no body", () => null),
            ("empty form", () => new FormUrlEncodedContent([])),
            ("bad percent-encoding", () => new StringContent("Email=%zz&Code=%&Token=%E0%A4%A", Encoding.ASCII, "application/x-www-form-urlencoded")),
            ("a 60 KB field", () => new FormUrlEncodedContent([new("Email", new string('a', 60_000))])),
            ("repeated keys", () => new StringContent("Email=a@example.com&Email=b@example.com&follow=true&follow=false&returnUrl=/a&returnUrl=//b", Encoding.ASCII, "application/x-www-form-urlencoded")),
            ("a garbage antiforgery token", () => new FormUrlEncodedContent([new("__RequestVerificationToken", "garbage"), new("Email", "a@example.com")])),
            ("multipart with a wrong boundary", () => new StringContent("--other\r\nContent-Disposition: form-data; name=\"Email\"\r\n\r\na\r\n--other--", Encoding.ASCII, "multipart/form-data")),
            ("multipart without a boundary", () => Raw("multipart/form-data", "garbage")),
            ("multipart cut short", () => Raw("multipart/form-data; boundary=b", "--b\r\nContent-Disposition: form-data; name=\"Email\"\r\n\r\na")),
            ("JSON", () => new StringContent("{\"Email\":\"a@example.com\"}", Encoding.UTF8, "application/json")),
            ("binary", () => new ByteArrayContent([0, 1, 2, 255, 254, 0])),
            ("text with a bogus charset", () => Raw("application/x-www-form-urlencoded; charset=utf-99", "Email=a")),
        };
        foreach (var path in SiteRoutes.WithForms.Concat(["/account?handler=SignOut", "/account?handler=Delete", "/", SiteRoutes.Scoreboard]))
        {
            foreach (var (name, content) in bodies)
            {
                foreach (var client in new[] { ("anonymous", anonymous), ("signed in", member.Http) })
                {
                    await CheckAsync(client.Item2, new HttpRequestMessage(HttpMethod.Post, path) { Content = content() }, $"{client.Item1} POST {path} with {name}", failures);
                }
            }
        }

        Assert.IsEmpty(failures, string.Join("\n", failures));
    }

    [TestMethod]
    public async Task Broken_http_framing_is_answered_with_a_4xx_never_a_5xx()
    {
        var host = $"Host: 127.0.0.1:{web.Port}\r\n";
        // An HTTP version the server does not speak gets 505, the protocol's own answer (RFC 9110 15.6.6), from Kestrel
        // and from nginx alike, before any application code runs: the one 5xx a client can ask for.
        var requests = new (string Name, string Raw)[]
        {
            ("a bad chunk size", $"POST /account/login HTTP/1.1\r\n{host}Transfer-Encoding: chunked\r\nContent-Type: application/x-www-form-urlencoded\r\n\r\nzz\r\nEmail=a\r\n0\r\n\r\n"),
            ("Content-Length and Transfer-Encoding", $"POST /account/login HTTP/1.1\r\n{host}Content-Length: 4\r\nTransfer-Encoding: chunked\r\nContent-Type: application/x-www-form-urlencoded\r\n\r\n7\r\nEmail=a\r\n0\r\n\r\n"),
            ("a chunked body cut short", $"POST /account/login HTTP/1.1\r\n{host}Transfer-Encoding: chunked\r\nContent-Type: application/x-www-form-urlencoded\r\n\r\n100\r\nEmail=a"),
            ("a body shorter than its Content-Length", $"POST /account/check-email HTTP/1.1\r\n{host}Content-Length: 500\r\nContent-Type: application/x-www-form-urlencoded\r\n\r\nCode=1"),
            ("a bad multipart body cut short", $"POST /account/verify HTTP/1.1\r\n{host}Content-Length: 300\r\nContent-Type: multipart/form-data; boundary=x\r\n\r\n--x\r\nContent-Disposition: form-data; name=\"Token\"\r\n\r\nabc"),
            ("two Content-Lengths", $"POST /account/login HTTP/1.1\r\n{host}Content-Length: 3\r\nContent-Length: 5\r\n\r\nabcde"),
            ("a negative Content-Length", $"POST /account/login HTTP/1.1\r\n{host}Content-Length: -1\r\n\r\n"),
            ("a header without a colon", $"GET / HTTP/1.1\r\n{host}garbage\r\n\r\n"),
            ("HTTP/1.1 without Host", "GET / HTTP/1.1\r\n\r\n"),
            ("an absolute-form target for another host", $"GET http://evil.example/ HTTP/1.1\r\n{host}\r\n"),
            ("CONNECT", $"CONNECT evil.example:443 HTTP/1.1\r\n{host}\r\n"),
            ("an unknown version", $"GET / HTTP/7.0\r\n{host}\r\n"),
            ("a 40 KB header", $"GET / HTTP/1.1\r\n{host}X-Big: {new string('a', 40_000)}\r\n\r\n"),
            ("a space in the target", $"GET /a b HTTP/1.1\r\n{host}\r\n"),
            ("a NUL in the target", $"GET /a\0b HTTP/1.1\r\n{host}\r\n"),
            ("a request target of '*'", $"OPTIONS * HTTP/1.1\r\n{host}\r\n"),
        };
        var failures = new List<string>();
        var answered = 0;
        var unanswered = new List<string>();
        foreach (var (name, raw) in requests)
        {
            // Kestrel may answer (400, 431) and close before reading everything that was sent: a reset then is fine.
            // Under load it may also see the end of our sending side before it answers and close without a word: that is
            // a race of this client, not an answer, so an unanswered request is sent again (at most three times).
            int? status = null;
            for (var attempt = 0; attempt < 3 && status is null; attempt++)
            {
                status = await SendRawAsync(raw);
            }

            answered += status is null ? 0 : 1;
            if (status is null)
            {
                unanswered.Add(name);
            }

            if (status >= 500 && !(status == 505 && name == "an unknown version"))
            {
                failures.Add($"{name}: {status}");
            }
        }

        Assert.IsEmpty(failures, string.Join("\n", failures));
        // Whether Kestrel writes its 400 before it drops a connection whose body it could not read is a race (seen from
        // 0 to 5 of the five broken bodies unanswered, more under load): the sweep asserts that no answer is a 5xx, and
        // that the server did answer broken requests at all, so the sweep cannot pass against a closed port.
        Assert.IsGreaterThanOrEqualTo(1, answered, $"broken requests get status lines back, not only closed sockets; unanswered: {string.Join(", ", unanswered)}");
    }

    private static async Task CheckAsync(HttpClient client, HttpRequestMessage request, string what, List<string> failures)
    {
        using (request)
        {
            using var response = await client.SendAsync(request);
            var body = await response.Content.ReadAsStringAsync();
            if ((int)response.StatusCode >= 500 && !(response.StatusCode == HttpStatusCode.ServiceUnavailable && request.RequestUri!.OriginalString.StartsWith("/readyz", StringComparison.Ordinal)))
            {
                failures.Add($"{what}: {(int)response.StatusCode}");
            }
            else if (body.Contains("   at ", StringComparison.Ordinal) && body.Contains("Exception", StringComparison.Ordinal))
            {
                failures.Add($"{what}: a stack trace in the body");
            }
        }
    }

    private static ByteArrayContent Raw(string contentType, string body)
    {
        var content = new ByteArrayContent(Encoding.ASCII.GetBytes(body));
        content.Headers.TryAddWithoutValidation("Content-Type", contentType);
        return content;
    }

    /// <summary>Writes the bytes as they are, ends the sending side, and reads the status code of the answer.</summary>
    private static async Task<int?> SendRawAsync(string raw)
    {
        using var client = new TcpClient();
        await client.ConnectAsync(IPAddress.Loopback, web.Port);
        var stream = client.GetStream();
        await stream.WriteAsync(Encoding.Latin1.GetBytes(raw));
        client.Client.Shutdown(SocketShutdown.Send);
        using var reader = new StreamReader(stream, Encoding.Latin1);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        try
        {
            var statusLine = await reader.ReadLineAsync(timeout.Token);
            return statusLine?.Split(' ') is [_, var code, ..] && int.TryParse(code, out var status) ? status : null;
        }
        catch (IOException)
        {
            return null; // closed without (or before we read) an answer
        }
    }

    private static string Shorten(string value) => value.Length > 60 ? value[..60] + "…" : value;
}
