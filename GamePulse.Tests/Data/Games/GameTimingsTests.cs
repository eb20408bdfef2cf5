using GamePulse.Data.Games;
using GamePulse.Data.Teams;
using GamePulse.Tests.Support;

namespace GamePulse.Tests.Data.Games;

/// <summary><see cref="GameRepository.GetTimingsAsync"/>: the scheduler's narrow read of a league's date.</summary>
[TestClass]
public sealed class GameTimingsTests
{
    private static readonly DateOnly Day = new(2025, 2, 4);

    [TestMethod]
    public async Task The_timings_of_a_date_are_each_games_state_and_start_of_that_league_only()
    {
        await using var database = await TestDatabase.CreateAsync();
        var (duke, unc) = (await database.MensTeamIdAsync("150"), await database.MensTeamIdAsync("153"));
        await database.UpsertGamesAsync(1, ScoreSource.Espn, [
            GameBuilder.Scheduled("live", duke, unc, Day, hourUtc: 17) with { State = GameState.Live, Period = 1, Clock = "12:00" },
            GameBuilder.Scheduled("tba", unc, duke, Day) with { StartTime = null },
            GameBuilder.Scheduled("next-day", duke, unc, Day.AddDays(1)),
        ], DateTimeOffset.UtcNow);

        var timings = await database.Games.GetTimingsAsync(1, Day);

        CollectionAssert.AreEquivalent(
            new[] { new GameTiming(GameState.Live, new DateTimeOffset(2025, 2, 4, 17, 0, 0, TimeSpan.Zero)), new GameTiming(GameState.Scheduled, null) },
            timings.ToArray(),
            "the date's two games, the start in UTC and a TBA start as null");
        Assert.IsEmpty(await database.Games.GetTimingsAsync(2, Day), "the women's league has none that day");
    }
}
