using GamePulse.Data.Games;
using GamePulse.Web.Live;
using GamePulse.Worker.Ingestion.Scheduling;

namespace GamePulse.Tests.Data.Games;

/// <summary>
/// Which games are "live or starting soon": the one rule behind the Worker's fast cadence and the site's polling,
/// so the two processes agree on every game.
/// </summary>
[TestClass]
public sealed class LiveWindowTests
{
    private static readonly DateTimeOffset Now = new(2025, 3, 9, 1, 0, 0, TimeSpan.Zero);

    private static readonly GameSummary Game = new()
    {
        Id = 1,
        LeagueSlug = "mens-college-basketball",
        State = GameState.Scheduled,
        SeasonType = "regular",
        StartTime = new DateTimeOffset(2025, 3, 9, 1, 30, 0, TimeSpan.Zero),
        Home = new GameTeam(1, "duke", "Duke Blue Devils", "Duke", null, null, null, null, null, null, null, null, null),
        Away = new GameTeam(2, "north-carolina", "North Carolina Tar Heels", "North Carolina", null, null, null, null, null, null, null, null, null),
    };

    public static IEnumerable<object?[]> Games =>
    [
        [GameState.Live, -30, true, "in progress"],
        [GameState.Halftime, -60, true, "at halftime"],
        [GameState.Delayed, -90, true, "delayed, still in progress"],
        [GameState.Live, null, true, "in progress with no start time"],
        [GameState.Scheduled, 14, true, "tips off within 15 minutes"],
        [GameState.Scheduled, 15, true, "tips off in exactly 15 minutes"],
        [GameState.Scheduled, 16, false, "tips off in 16 minutes"],
        [GameState.Scheduled, 120, false, "later tonight"],
        [GameState.Scheduled, -5, true, "past its start, not reported live yet"],
        [GameState.Scheduled, -179, true, "nearly three hours past its start"],
        [GameState.Scheduled, -180, false, "three hours past its start: a feed gap, not a game about to start"],
        [GameState.Scheduled, null, false, "time TBA"],
        [GameState.Final, -120, false, "final"],
        [GameState.Postponed, 5, false, "postponed"],
        [GameState.Canceled, 5, false, "canceled"],
    ];

    private static DateTimeOffset? Start(int? minutesFromNow) => minutesFromNow is { } m ? Now.AddMinutes(m) : null;

    [TestMethod]
    [DynamicData(nameof(Games))]
    public void A_game_is_in_the_window_while_in_progress_or_about_to_start(string state, int? minutesFromNow, bool inWindow, string why) =>
        Assert.AreEqual(inWindow, LiveWindow.Includes(state, Start(minutesFromNow), Now), why);

    [TestMethod]
    [DynamicData(nameof(Games))]
    public void The_Worker_s_cadence_and_the_site_s_polling_agree_on_every_game(string state, int? minutesFromNow, bool inWindow, string why)
    {
        var settings = new CadenceSettings(TimeSpan.FromSeconds(20), TimeSpan.FromMinutes(15), TimeSpan.FromSeconds(2));
        var game = Game with { State = state, StartTime = Start(minutesFromNow) };

        var workerPollsFast = ScoreboardCadence.IntervalFor([new GameTiming(state, Start(minutesFromNow))], Now, settings) == settings.Live;
        var sitePolls = LiveUpdates.ShouldPoll([game], Now);

        Assert.AreEqual(inWindow, workerPollsFast, $"{$"(Worker fast, site polls) for a game {why}"}: workerPollsFast");
        Assert.AreEqual(inWindow, sitePolls, $"{$"(Worker fast, site polls) for a game {why}"}: sitePolls");
    }

    [TestMethod]
    public void The_window_opens_15_minutes_before_a_start()
    {
        Assert.AreEqual(new DateTimeOffset(2025, 3, 9, 1, 15, 0, TimeSpan.Zero), LiveWindow.OpensAt(Game), "a stored start time is UTC");
        Assert.IsNull(LiveWindow.OpensAt(Game with { StartTime = null }), "no start time, no window to open");
    }
}
