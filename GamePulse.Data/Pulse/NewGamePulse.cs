using GamePulse.Data.Games;

namespace GamePulse.Data.Pulse;

/// <summary>
/// Pulse for a game that is not stored yet, from the payload alone: a new game's history is the one snapshot the
/// upsert writes for it, so this equals what <see cref="PulseRepository.RecomputeAsync"/> would compute right after
/// the insert. The upsert writes it with the row, which spares the first poll of a day a second write of every game.
/// </summary>
public static class NewGamePulse
{
    public static PulseScore Compute(short leagueId, GameUpsert game, string homeName, string awayName)
    {
        var row = new PulseRepository.PulseGame
        {
            LeagueId = leagueId,
            State = game.State,
            Period = game.Period,
            Clock = game.Clock,
            HomeScore = game.HomeScore,
            AwayScore = game.AwayScore,
            HomeRank = game.HomeRank,
            AwayRank = game.AwayRank,
            HomeSeed = game.HomeSeed,
            AwaySeed = game.AwaySeed,
            ConferenceGame = game.ConferenceGame,
            SeasonType = game.SeasonType,
            Notes = game.Notes,
            HomeSpread = game.HomeSpread,
            HomeName = homeName,
            AwayName = awayName,
        };
        // Right after the insert, RecomputeAsync would read exactly this one snapshot (and append the current state).
        var snapshot = new PulseRepository.SnapshotRow { Period = game.Period, Clock = game.Clock, HomeScore = game.HomeScore, AwayScore = game.AwayScore };
        return PulseCalculator.Compute(row.ToInput([snapshot]));
    }
}
