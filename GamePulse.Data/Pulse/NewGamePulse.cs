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
        // RecomputeAsync reads the new snapshot and then appends the current state again; keep both points so the flow is identical.
        var now = new FlowPoint(game.Period, game.Clock, game.HomeScore, game.AwayScore);
        return PulseCalculator.Compute(new PulseInput
        {
            LeagueId = leagueId,
            State = game.State,
            Period = game.Period,
            Clock = game.Clock,
            HomeScore = game.HomeScore,
            AwayScore = game.AwayScore,
            HomeName = homeName,
            AwayName = awayName,
            HomeRank = game.HomeRank,
            AwayRank = game.AwayRank,
            HomeSeed = game.HomeSeed,
            AwaySeed = game.AwaySeed,
            ConferenceGame = game.ConferenceGame,
            SeasonType = game.SeasonType,
            Notes = game.Notes,
            HomeSpread = game.HomeSpread,
            Flow = GameFlow.From([now, now], GameFormat.ForLeague(leagueId)),
        });
    }
}
