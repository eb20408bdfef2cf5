using System.Globalization;
using System.Net;

namespace GamePulse.Tests.FeedSimulator;

/// <summary>Requests the Worker would never send get a clear 4xx with a JSON message, never a 500.</summary>
[TestClass]
public sealed class SimulatorEndpointTests
{
    private const string Mens = "/apis/site/v2/sports/basketball/mens-college-basketball";
    private static SimulatorServer simulator = null!;
    private static readonly HttpClient Http = new();

    [ClassInitialize]
    public static async Task Start(TestContext context) =>
        simulator = await SimulatorServer.StartAsync(new MovableClock(new DateTimeOffset(2026, 1, 24, 23, 0, 0, TimeSpan.Zero)), "--start", "2026-01-24T23:00:00Z");

    [ClassCleanup]
    public static async Task Stop()
    {
        await simulator.DisposeAsync();
        Http.Dispose();
    }

    [TestMethod]
    [DataRow(Mens + "/scoreboard", HttpStatusCode.BadRequest, DisplayName = "no dates")]
    [DataRow(Mens + "/scoreboard?dates=2026-01-24", HttpStatusCode.BadRequest, DisplayName = "dates with dashes")]
    [DataRow(Mens + "/scoreboard?dates=20260231", HttpStatusCode.BadRequest, DisplayName = "no such day")]
    [DataRow(Mens + "/scoreboard?dates=20260124-20260125", HttpStatusCode.BadRequest, DisplayName = "a range")]
    [DataRow(Mens + "/scoreboard?dates=20260124&groups=x", HttpStatusCode.BadRequest, DisplayName = "groups not a number")]
    [DataRow(Mens + "/scoreboard?dates=20260124&limit=0", HttpStatusCode.BadRequest, DisplayName = "limit 0")]
    [DataRow("/apis/site/v2/sports/basketball/nba/scoreboard?dates=20260124", HttpStatusCode.NotFound, DisplayName = "unknown league")]
    [DataRow(Mens + "/summary", HttpStatusCode.BadRequest, DisplayName = "summary without event")]
    [DataRow(Mens + "/summary?event=12a", HttpStatusCode.BadRequest, DisplayName = "event not numeric")]
    [DataRow(Mens + "/summary?event=1&event=2", HttpStatusCode.BadRequest, DisplayName = "event twice")]
    [DataRow(Mens + "/summary?event=401851239", HttpStatusCode.NotFound, DisplayName = "event not on the slate")]
    [DataRow("/_sim/events?since=yesterday", HttpStatusCode.BadRequest, DisplayName = "since not an instant")]
    [DataRow("/anything/else", HttpStatusCode.NotFound, DisplayName = "unknown path")]
    public async Task A_bad_request_is_a_4xx_with_a_json_message(string path, HttpStatusCode expected)
    {
        using var response = await Http.GetAsync(simulator.BaseUrl + path);
        var body = await response.Content.ReadAsStringAsync();

        Assert.AreEqual(expected, response.StatusCode, $"{path}: status");
        var contentType = response.Content.Headers.ContentType;
        Assert.IsNotNull(contentType, $"{path}: a content type");
        Assert.AreEqual("application/json", contentType.MediaType, $"{path}: content type");
        Assert.Contains(((int)expected).ToString(CultureInfo.InvariantCulture), body, $"{path}: the body names the status");
    }

    [TestMethod]
    [Timeout(30_000, CooperativeCancellation = true)]
    [DataRow("--speed", "0", DisplayName = "speed 0")]
    [DataRow("--games", "61", DisplayName = "61 games")]
    [DataRow("--seed", "-1", DisplayName = "negative seed")]
    public async Task A_bad_option_stops_start_up_with_exit_code_78(string option, string value)
    {
        var exitCode = await GamePulse.FeedSimulator.Program.Main(["--urls", "http://127.0.0.1:0", option, value]);

        Assert.AreEqual(78, exitCode, $"{option} {value}: exit code");
    }

    [TestMethod]
    public async Task Another_date_and_the_tournament_group_answer_an_empty_slate()
    {
        foreach (var query in new[] { "dates=20260125&groups=50&limit=500", "dates=20260124&groups=100&limit=500" })
        {
            var body = await Http.GetStringAsync(simulator.BaseUrl + Mens + "/scoreboard?" + query);
            Assert.Contains("\"events\":[]", body, $"{query}: no games");
        }
    }
}
