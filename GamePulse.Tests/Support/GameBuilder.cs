using GamePulse.Data.Games;
using GamePulse.Data.Leagues;

namespace GamePulse.Tests.Support;

/// <summary>Builds game rows for repository tests: a plausible scheduled game that each test changes as it needs.</summary>
public static class GameBuilder
{
    public static GameUpsert Scheduled(string externalId, int homeTeamId, int awayTeamId, DateOnly date, int hourUtc = 23) => new()
    {
        ExternalId = externalId,
        StartTime = new DateTimeOffset(date.ToDateTime(new TimeOnly(hourUtc % 24, 0)), TimeSpan.Zero),
        GameDate = date,
        State = GameState.Scheduled,
        HomeTeamId = homeTeamId,
        AwayTeamId = awayTeamId,
        Season = (short)Season.Of(date),
        VenueName = "Cameron Indoor Stadium",
        Broadcast = "ESPN",
    };
}
