using System.Net;
using GamePulse.Hosting;
using GamePulse.Tests.Support;
using GamePulse.Tests.Web.Account;
using GamePulse.Web.Site;

namespace GamePulse.Tests.Web.ReverseProxy;

[TestClass]
public sealed class ForwardedHeadersTests
{
    private const string TrustLoopback = "--Web:KnownProxies=127.0.0.1";

    [TestMethod]
    public async Task By_default_no_peer_is_trusted_so_a_client_reaching_kestrel_directly_cannot_choose_its_address_or_scheme()
    {
        using var stdout = new StdoutCapture();
        await using var web = await WebAppServer.StartAsync(await PostgresServer.CreateDatabaseAsync());

        await GetHealthzAsync(web, forwardedFor: "203.0.113.9", forwardedProto: "https");

        var properties = Assert.ContainsSingle(stdout.RequestsTo("/healthz")).GetProperty("Properties");
        Assert.AreEqual("127.0.0.1", properties.GetProperty("ClientIp").GetString(), "the peer's own address");
        Assert.AreEqual("http", properties.GetProperty("Scheme").GetString(), "the connection's own scheme");
    }

    [TestMethod]
    public async Task The_named_proxy_is_trusted_so_the_client_address_and_scheme_come_from_its_headers()
    {
        using var stdout = new StdoutCapture();
        await using var web = await WebAppServer.StartAsync(await PostgresServer.CreateDatabaseAsync(), TrustLoopback);

        await GetHealthzAsync(web, forwardedFor: "203.0.113.9", forwardedProto: "https");

        var properties = Assert.ContainsSingle(stdout.RequestsTo("/healthz")).GetProperty("Properties");
        Assert.AreEqual("203.0.113.9", properties.GetProperty("ClientIp").GetString());
        Assert.AreEqual("https", properties.GetProperty("Scheme").GetString());
    }

    [TestMethod]
    [DataRow("garbage", "http")]
    [DataRow("ftp", "http")]
    [DataRow("https, http", "http")]
    [DataRow("", "http")]
    [DataRow("HTTPS", "https")]
    public async Task An_unknown_forwarded_proto_is_ignored_and_the_sign_in_page_still_answers(string forwardedProto, string expectedScheme)
    {
        using var stdout = new StdoutCapture();
        await using var web = await WebAppServer.StartAsync(await PostgresServer.CreateDatabaseAsync(), TrustLoopback);
        using var client = new HttpClient { BaseAddress = web.BaseAddress };
        using var request = new HttpRequestMessage(HttpMethod.Get, "/account/login");
        request.Headers.TryAddWithoutValidation("X-Forwarded-For", "203.0.113.12");
        request.Headers.TryAddWithoutValidation("X-Forwarded-Proto", forwardedProto);

        using var response = await client.SendAsync(request);

        Assert.AreEqual(HttpStatusCode.OK, response.StatusCode, $"X-Forwarded-Proto: '{forwardedProto}'");
        var line = Assert.ContainsSingle(await stdout.RequestsToAsync("/account/login", 1));
        Assert.AreEqual(expectedScheme, line.GetProperty("Properties").GetProperty("Scheme").GetString(), "the scheme the app believes");
    }

    [TestMethod]
    public async Task A_client_reaching_kestrel_directly_cannot_rotate_past_the_per_ip_sign_in_limit()
    {
        await using var database = await TestDatabase.CreateAsync();
        await using var web = await WebAppServer.StartAsync(database.ConnectionString);
        using var browser = SiteBrowser.Over(web.BaseAddress);
        var token = await browser.AntiforgeryTokenAsync("/account/login");

        for (var attempt = 0; attempt < GamePulse.Web.Pages.Account.LoginModel.PerIpLimit + 1; attempt++)
        {
            using var post = new HttpRequestMessage(HttpMethod.Post, "/account/login")
            {
                Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["Email"] = $"rotate{attempt}@example.com", ["__RequestVerificationToken"] = token }),
            };
            post.Headers.Add("X-Forwarded-For", $"198.51.100.{attempt + 1}");
            using var response = await browser.Http.SendAsync(post);
            Assert.AreEqual(HttpStatusCode.Redirect, response.StatusCode, $"attempt {attempt}");
        }

        var addresses = await database.QueryAsync<string>("SELECT client_ip FROM login_requests");
        Assert.HasCount(GamePulse.Web.Pages.Account.LoginModel.PerIpLimit, addresses, "one address, one limit: the last request was not recorded");
        string[] expected = ["127.0.0.1"];
        CollectionAssert.AreEqual(expected, addresses.Distinct().ToArray(), "the address is the peer's, whatever X-Forwarded-For says");
    }

    [TestMethod]
    public async Task Only_the_address_the_proxy_appended_counts_not_what_the_client_wrote_before_it()
    {
        using var stdout = new StdoutCapture();
        await using var web = await WebAppServer.StartAsync(await PostgresServer.CreateDatabaseAsync(), TrustLoopback);

        // nginx appends the peer it saw to whatever the client sent: "<forged>, <real>".
        await GetHealthzAsync(web, forwardedFor: "10.9.9.9, 198.51.100.4", forwardedProto: "http");

        var properties = Assert.ContainsSingle(stdout.RequestsTo("/healthz")).GetProperty("Properties");
        Assert.AreEqual("198.51.100.4", properties.GetProperty("ClientIp").GetString());
    }

    [TestMethod]
    public async Task Headers_from_a_peer_outside_the_known_networks_are_ignored()
    {
        using var stdout = new StdoutCapture();
        await using var web = await WebAppServer.StartAsync(await PostgresServer.CreateDatabaseAsync(), "--Web:KnownNetworks=10.0.0.0/8", "--Web:KnownProxies=");

        await GetHealthzAsync(web, forwardedFor: "203.0.113.9", forwardedProto: "https");

        var properties = Assert.ContainsSingle(stdout.RequestsTo("/healthz")).GetProperty("Properties");
        Assert.AreEqual("127.0.0.1", properties.GetProperty("ClientIp").GetString());
        Assert.AreEqual("http", properties.GetProperty("Scheme").GetString());
    }

    [TestMethod]
    public async Task A_single_known_proxy_address_is_trusted_too()
    {
        using var stdout = new StdoutCapture();
        await using var web = await WebAppServer.StartAsync(await PostgresServer.CreateDatabaseAsync(), "--Web:KnownNetworks=", "--Web:KnownProxies=127.0.0.1");

        await GetHealthzAsync(web, forwardedFor: "203.0.113.10", forwardedProto: "https");

        var properties = Assert.ContainsSingle(stdout.RequestsTo("/healthz")).GetProperty("Properties");
        Assert.AreEqual("203.0.113.10", properties.GetProperty("ClientIp").GetString());
    }

    [TestMethod]
    public async Task A_malformed_network_stops_start_up_with_one_line_naming_the_setting()
    {
        var connectionString = await PostgresServer.CreateDatabaseAsync();
        var errors = new StringWriter();
        var original = Console.Error;
        Console.SetError(errors);
        int exitCode;
        try
        {
            exitCode = await StartupGuard.RunAsync("web", async () =>
            {
                await using var app = WebHost.Build(["--urls=http://127.0.0.1:0", $"--ConnectionStrings:GamePulse={connectionString}",
                    "--Site:PublicBaseUrl=http://gamepulse.test", "--Web:KnownNetworks=172.16.0.0/12,docker"]);
                await app.StartAsync();
                return 0;
            });
        }
        finally
        {
            Console.SetError(original);
        }

        Assert.AreEqual(78, exitCode);
        StringAssert.Contains(errors.ToString(), "Web__KnownNetworks must list networks in CIDR notation");
        StringAssert.Contains(errors.ToString(), "'docker'");
    }

    private static async Task GetHealthzAsync(WebAppServer web, string forwardedFor, string forwardedProto)
    {
        using var client = new HttpClient { BaseAddress = web.BaseAddress };
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("/healthz", UriKind.Relative));
        request.Headers.Add("X-Forwarded-For", forwardedFor);
        request.Headers.Add("X-Forwarded-Proto", forwardedProto);
        using var response = await client.SendAsync(request);
        response.EnsureSuccessStatusCode();
    }
}
