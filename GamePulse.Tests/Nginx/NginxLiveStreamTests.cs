using System.Net;
using GamePulse.Data.Games;
using GamePulse.Data.Live;
using GamePulse.Data.Teams;
using GamePulse.Tests.Support;
using GamePulse.Tests.Web.Live;

namespace GamePulse.Tests.Nginx;

/// <summary>
/// The repository's nginx in front of the real Web: a live stream passes through unbuffered and uncached, its
/// heartbeats arrive as they are written, and a change stored (+NOTIFY) behind it reaches the client through nginx.
/// </summary>
[TestClass]
public sealed class NginxLiveStreamTests
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(10);

    [TestMethod]
    public async Task A_live_stream_passes_through_unbuffered_with_heartbeats_and_changes()
    {
        var connectionString = await PostgresServer.CreateDatabaseAsync();
        await using var database = TestDatabase.Over(connectionString);
        var now = DateTimeOffset.UtcNow;
        var today = EasternCalendar.DateOf(now);
        var live = new GameUpsert
        {
            ExternalId = "nginx-live-1",
            StartTime = now.AddMinutes(-30),
            GameDate = today,
            State = GameState.Live,
            Period = 1,
            Clock = "10:00",
            HomeScore = 20,
            AwayScore = 18,
            HomeTeamId = await database.ScalarAsync<int>("SELECT id FROM teams WHERE league_id = 1 AND slug = 'duke'"),
            AwayTeamId = await database.ScalarAsync<int>("SELECT id FROM teams WHERE league_id = 1 AND slug = 'north-carolina'"),
            Season = (short)(today.Month >= 7 ? today.Year + 1 : today.Year),
        };
        await database.UpsertGamesAsync(ScoreboardDay.Mens, ScoreSource.Espn, [live], now);
        var gameId = await database.ScalarAsync<long>("SELECT id FROM games WHERE espn_id = 'nginx-live-1'");
        await using var stack = await NginxFrontedSite.StartAsync(connectionString, "--LiveStreams:HeartbeatSeconds=1");
        var path = LiveStreams.Scoreboard(new LiveStreamKey(ScoreboardDay.MensSlug, today, LiveView.Default)) + $"?{LiveStreams.SinceKey}={long.MaxValue}";

        await using var stream = await EventStreamReader.OpenAsync(stack.Client, path);
        Assert.AreEqual(HttpStatusCode.OK, stream.Response.StatusCode, "the stream through nginx");
        Assert.AreEqual("text/event-stream", stream.Response.Content.Headers.ContentType!.MediaType, "its type");
        Assert.IsFalse(stream.Response.Headers.Contains("X-Cache-Status"), "never touched by the micro-cache");
        var opened = await stream.NextAsync(TimeSpan.FromSeconds(3));
        var heartbeat = await stream.NextAsync(TimeSpan.FromSeconds(3));
        Assert.IsTrue(opened is { IsComment: true } && heartbeat is { IsComment: true, Data: "heartbeat" }, $"small writes arrive as written, not when a buffer fills: {opened}, {heartbeat}");

        await database.UpsertGamesAsync(ScoreboardDay.Mens, ScoreSource.Espn, [live with { HomeScore = 23, Clock = "9:41" }], DateTimeOffset.UtcNow);
        await database.ExecuteAsync($"NOTIFY {GameChanges.Channel}, '{GameChanges.Tag(ScoreboardDay.MensSlug, today)}'");
        var (card, _) = await stream.UntilAsync(LiveStreams.CardEvent(gameId), Wait);

        StringAssert.Contains(card.Data, ">23<", "the stored change, pushed through nginx");
    }
}
