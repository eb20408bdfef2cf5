using GamePulse.Data.Games;
using GamePulse.Worker.Ingestion.Scheduling;

namespace GamePulse.Tests.Worker.Ingestion.Scheduling;

[TestClass]
public sealed class ScoreboardCadenceTests
{
    private static readonly DateTimeOffset Now = new(2025, 2, 5, 0, 0, 0, TimeSpan.Zero);
    private static readonly CadenceSettings Settings = new(TimeSpan.FromSeconds(20), TimeSpan.FromMinutes(15), TimeSpan.FromSeconds(2));

    private static GameTiming Scheduled(int minutesFromNow) => new(GameState.Scheduled, Now.AddMinutes(minutesFromNow));

    [TestMethod]
    [DataRow(GameState.Live)]
    [DataRow(GameState.Halftime)]
    [DataRow(GameState.Delayed)]
    public void A_game_in_progress_means_the_fast_cadence(string state) =>
        Assert.AreEqual(Settings.Live, ScoreboardCadence.IntervalFor([Scheduled(120), new GameTiming(state, Now.AddMinutes(-30))], Now, Settings));

    [TestMethod]
    public void A_game_starting_within_15_minutes_means_the_fast_cadence() =>
        Assert.AreEqual(Settings.Live, ScoreboardCadence.IntervalFor([Scheduled(14)], Now, Settings));

    [TestMethod]
    public void A_game_past_its_start_but_not_yet_reported_live_keeps_the_fast_cadence() =>
        Assert.AreEqual(Settings.Live, ScoreboardCadence.IntervalFor([Scheduled(-5)], Now, Settings));

    [TestMethod]
    public void Games_later_in_the_day_finished_games_and_TBA_games_mean_the_slow_cadence() =>
        Assert.AreEqual(Settings.Idle, ScoreboardCadence.IntervalFor(
            [Scheduled(16), new GameTiming(GameState.Final, Now.AddHours(-3)), new GameTiming(GameState.Scheduled, null), Scheduled(-200)], Now, Settings));

    [TestMethod]
    public void By_default_a_live_day_is_fetched_every_10_seconds_on_a_10_second_tick_and_an_idle_one_every_15_minutes()
    {
        var defaults = CadenceSettings.From(new GamePulse.Worker.Ingestion.IngestionOptions());
        var live = new[] { new GameTiming(GameState.Live, Now.AddMinutes(-30)) };

        Assert.AreEqual(TimeSpan.FromSeconds(10), ScoreboardCadence.IntervalFor(live, Now, defaults), "the live cadence");
        Assert.AreEqual(TimeSpan.FromMinutes(15), ScoreboardCadence.IntervalFor([], Now, defaults), "the idle cadence, unchanged");
        Assert.AreEqual(10, new GamePulse.Worker.Ingestion.IngestionOptions().TickSeconds, "the tick is no slower than the live cadence");
        Assert.IsTrue(ScoreboardCadence.TodayIsDue(live, Now.AddSeconds(-10), Now, defaults), "due again one tick after the last run");
        Assert.IsFalse(ScoreboardCadence.TodayIsDue(live, Now.AddSeconds(-5), Now, defaults), "not due half a tick after it");
    }

    [TestMethod]
    public void An_empty_day_is_idle() =>
        Assert.AreEqual(Settings.Idle, ScoreboardCadence.IntervalFor([], Now, Settings));

    [TestMethod]
    public void Today_is_due_once_its_interval_has_passed_allowing_for_an_early_tick()
    {
        GameTiming[] live = [new(GameState.Live, Now.AddMinutes(-10))];

        Assert.IsTrue(ScoreboardCadence.TodayIsDue(live, null, Now, Settings), "never fetched");
        Assert.IsTrue(ScoreboardCadence.TodayIsDue(live, Now.AddSeconds(-19), Now, Settings), "a tick 1 s early still polls");
        Assert.IsFalse(ScoreboardCadence.TodayIsDue(live, Now.AddSeconds(-10), Now, Settings));
        Assert.IsFalse(ScoreboardCadence.TodayIsDue([Scheduled(120)], Now.AddMinutes(-5), Now, Settings), "idle: 15 minutes");
        Assert.IsTrue(ScoreboardCadence.TodayIsDue([Scheduled(120)], Now.AddMinutes(-15), Now, Settings));
    }

    [TestMethod]
    public void Yesterday_is_polled_until_all_its_games_have_ended()
    {
        GameTiming[] lateGame = [new(GameState.Final, Now.AddHours(-5)), new(GameState.Live, Now.AddHours(-2))];
        GameTiming[] allDone = [new(GameState.Final, Now.AddHours(-5)), new(GameState.Postponed, Now.AddHours(-2)), new(GameState.Canceled, null)];

        Assert.IsTrue(ScoreboardCadence.YesterdayIsDue(lateGame, Now.AddSeconds(-20), everSucceeded: true, Now, Settings), "a game crossing midnight is still live");
        Assert.IsFalse(ScoreboardCadence.YesterdayIsDue(lateGame, Now.AddSeconds(-5), everSucceeded: true, Now, Settings), "but not more often than the live cadence");
        Assert.IsFalse(ScoreboardCadence.YesterdayIsDue(allDone, Now.AddHours(-1), everSucceeded: true, Now, Settings), "every game ended: stop");
    }

    [TestMethod]
    public void Yesterday_is_fetched_until_one_fetch_succeeded_even_with_no_games_stored()
    {
        Assert.IsTrue(ScoreboardCadence.YesterdayIsDue([], null, everSucceeded: false, Now, Settings), "never fetched");
        Assert.IsFalse(ScoreboardCadence.YesterdayIsDue([], Now.AddMinutes(-1), everSucceeded: false, Now, Settings), "a failed fetch is retried at the idle cadence");
        Assert.IsTrue(ScoreboardCadence.YesterdayIsDue([], Now.AddMinutes(-15), everSucceeded: false, Now, Settings));
        Assert.IsFalse(ScoreboardCadence.YesterdayIsDue([], Now.AddMinutes(-15), everSucceeded: true, Now, Settings), "fetched, and nothing to wait for");
    }
}
