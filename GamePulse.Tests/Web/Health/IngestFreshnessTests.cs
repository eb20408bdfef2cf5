using System.Net;
using System.Text.Json;
using GamePulse.Data.Games;
using GamePulse.Data.Ingestion;
using GamePulse.Data.Teams;
using GamePulse.Tests.Support;
using GamePulse.Tests.Web.Admin;
using GamePulse.Web.Health;

namespace GamePulse.Tests.Web.Health;

[TestClass]
public sealed class IngestFreshnessTests : IAsyncDisposable
{
    private TestDatabase database = null!;

    [TestInitialize]
    public async Task Start() => database = await TestDatabase.CreateAsync();

    public async ValueTask DisposeAsync() => await database.DisposeAsync();

    private async Task<(HttpStatusCode Status, JsonElement Body)> ReadyzAsync()
    {
        await using var web = await WebAppServer.StartAsync(database.ConnectionString);
        using var client = new HttpClient { BaseAddress = web.BaseAddress };
        using var response = await client.GetAsync(new Uri("/readyz", UriKind.Relative));
        return (response.StatusCode, JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone());
    }

    private static JsonElement Ingest(JsonElement body) => body.GetProperty("checks").GetProperty("ingest");

    [TestMethod]
    public async Task Readyz_is_healthy_when_every_league_was_ingested_within_its_schedule()
    {
        await database.RecordFreshRunsAsync();

        var (status, body) = await ReadyzAsync();

        Assert.AreEqual(HttpStatusCode.OK, status);
        Assert.AreEqual("healthy", body.GetProperty("status").GetString());
        var ingest = Ingest(body);
        Assert.AreEqual("healthy", ingest.GetProperty("status").GetString());
        var mens = ingest.GetProperty("data").GetProperty("mens");
        Assert.AreEqual("fresh", mens.GetProperty("state").GetString());
        Assert.AreEqual(30, mens.GetProperty("allowedMinutes").GetDouble());
        Assert.IsFalse(mens.GetProperty("gamesLive").GetBoolean());
        Assert.IsTrue(mens.GetProperty("ageMinutes").GetDouble() is >= 0.9 and < 5);
    }

    [TestMethod]
    public async Task Readyz_stays_200_but_is_degraded_naming_the_league_whose_last_success_is_too_old()
    {
        await database.RecordRunAsync(AdminData.Mens, IngestOutcome.Succeeded, TimeSpan.FromMinutes(2));
        await database.RecordRunAsync(AdminData.Womens, IngestOutcome.Succeeded, TimeSpan.FromMinutes(45));
        // A later failed run is not a success: the league stays stale.
        await database.RecordRunAsync(AdminData.Womens, IngestOutcome.Failed, TimeSpan.FromMinutes(1));

        var (status, body) = await ReadyzAsync();

        Assert.AreEqual(HttpStatusCode.OK, status, "stale scores are still scores: degraded, not unavailable");
        Assert.AreEqual("degraded", body.GetProperty("status").GetString());
        var ingest = Ingest(body);
        Assert.AreEqual("degraded", ingest.GetProperty("status").GetString());
        Assert.AreEqual("ingest is behind for: womens", ingest.GetProperty("description").GetString());
        Assert.AreEqual("fresh", ingest.GetProperty("data").GetProperty("mens").GetProperty("state").GetString());
        Assert.AreEqual("stale", ingest.GetProperty("data").GetProperty("womens").GetProperty("state").GetString());
    }

    [TestMethod]
    public async Task A_league_never_ingested_is_degraded_and_a_partial_run_counts_as_success()
    {
        await database.RecordRunAsync(AdminData.Mens, IngestOutcome.Partial, TimeSpan.FromMinutes(1));

        var (_, body) = await ReadyzAsync();

        var data = Ingest(body).GetProperty("data");
        Assert.AreEqual("fresh", data.GetProperty("mens").GetProperty("state").GetString());
        Assert.AreEqual("never", data.GetProperty("womens").GetProperty("state").GetString());
        Assert.AreEqual(JsonValueKind.Null, data.GetProperty("womens").GetProperty("ageMinutes").ValueKind);
        Assert.AreEqual("degraded", body.GetProperty("status").GetString());
    }

    [TestMethod]
    public async Task While_a_game_is_live_the_allowance_shrinks_to_the_live_one()
    {
        await database.RecordRunAsync(AdminData.Mens, IngestOutcome.Succeeded, TimeSpan.FromMinutes(10));
        await database.RecordRunAsync(AdminData.Womens, IngestOutcome.Succeeded, TimeSpan.FromMinutes(10));
        var (_, idle) = await ReadyzAsync();
        Assert.AreEqual("healthy", Ingest(idle).GetProperty("status").GetString(), "10 minutes is within the idle allowance");

        var duke = await database.ScalarAsync<int>("SELECT id FROM teams WHERE league_id = 1 AND espn_id = '150'");
        var unc = await database.ScalarAsync<int>("SELECT id FROM teams WHERE league_id = 1 AND espn_id = '153'");
        var today = EasternCalendar.Today(TimeProvider.System);
        await database.UpsertGamesAsync(1, ScoreSource.Espn, [GameBuilder.Scheduled("live1", duke, unc, today) with { State = GameState.Live, Period = 2, HomeScore = 40, AwayScore = 38 }], DateTimeOffset.UtcNow);

        var (_, live) = await ReadyzAsync();

        var mens = Ingest(live).GetProperty("data").GetProperty("mens");
        Assert.AreEqual("stale", mens.GetProperty("state").GetString());
        Assert.AreEqual(5, mens.GetProperty("allowedMinutes").GetDouble());
        Assert.IsTrue(mens.GetProperty("gamesLive").GetBoolean());
        Assert.AreEqual("fresh", Ingest(live).GetProperty("data").GetProperty("womens").GetProperty("state").GetString(), "only the league with the live game");
    }

    [TestMethod]
    [DataRow(null, false, "never")]
    [DataRow(30.0, false, "fresh")]
    [DataRow(30.1, false, "stale")]
    [DataRow(5.0, true, "fresh")]
    [DataRow(5.1, true, "stale")]
    [DataRow(-1.0, false, "fresh")]
    public void The_rule_compares_the_age_of_the_last_success_with_the_allowance(double? minutesAgo, bool live, string expected)
    {
        var now = new DateTimeOffset(2026, 2, 3, 20, 0, 0, TimeSpan.Zero);
        var state = new LeagueIngestState
        {
            LeagueId = 1,
            LeagueCode = "mens",
            LeagueName = "Men's",
            LastSuccessAt = minutesAgo is { } m ? now.AddMinutes(-m) : null,
            LiveGames = live ? 1 : 0,
        };

        var freshness = IngestFreshness.Evaluate(state, now, new IngestFreshnessOptions());

        Assert.AreEqual(expected, freshness.State);
        Assert.IsTrue(freshness.Age is null || freshness.Age >= TimeSpan.Zero, "a clock behind the database never gives a negative age");
    }
}
