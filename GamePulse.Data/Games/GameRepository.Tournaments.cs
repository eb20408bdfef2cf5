using LinqToDB;
using LinqToDB.Async;

namespace GamePulse.Data.Games;

public sealed partial class GameRepository
{
    /// <summary>How many days around a tournament game the tournament counts as on (the gaps between rounds).</summary>
    public const int TournamentOnDays = 3;

    /// <summary>Every game of one tournament of a league season, in start order (read by the games_tournament index).</summary>
    public async Task<IReadOnlyList<GameSummary>> GetTournamentAsync(short leagueId, int season, IReadOnlyCollection<string> tournaments, CancellationToken cancellationToken = default)
    {
        var names = tournaments.ToArray();
        await using var db = databases.Open();
        return await db.Joined()
            .Where(j => j.Game.LeagueId == leagueId && j.Game.Season == season && names.Contains(j.Game.Tournament))
            .OrderBy(j => j.Game.StartTime).ThenBy(j => j.Game.Id)
            .Select(GameSummaries.ToSummary)
            .ToListAsync(cancellationToken);
    }

    /// <summary>
    /// The season whose NCAA Tournament is on at <paramref name="date"/>: one of its games is within
    /// <see cref="TournamentOnDays"/> days, so the days between rounds count too. Null outside the tournament.
    /// </summary>
    public async Task<int?> FindTournamentOnAsync(short leagueId, DateOnly date, CancellationToken cancellationToken = default)
    {
        var from = date.AddDays(-TournamentOnDays);
        var to = date.AddDays(TournamentOnDays);
        await using var db = databases.Open();
        return await db.Games
            .Where(g => g.LeagueId == leagueId && g.Tournament == Tournaments.Ncaa && g.GameDate >= from && g.GameDate <= to)
            .Select(g => (int?)g.Season)
            .FirstOrDefaultAsync(cancellationToken);
    }

    /// <summary>
    /// The conference tournaments of a conference: tournaments other than the NCAA's in which a game is played between
    /// two of its members, with the seasons they were played in, newest first.
    /// </summary>
    public async Task<IReadOnlyList<ConferenceTournament>> GetConferenceTournamentsAsync(short leagueId, int conferenceId, CancellationToken cancellationToken = default)
    {
        await using var db = databases.Open();
        return await db.Joined()
            .Where(j => j.Game.LeagueId == leagueId && j.Game.Tournament != null && j.Game.Tournament != Tournaments.Ncaa
                && j.Home!.ConferenceId == conferenceId && j.Away!.ConferenceId == conferenceId)
            .GroupBy(j => new { j.Game.Season, j.Game.Tournament })
            .OrderByDescending(g => g.Key.Season).ThenBy(g => g.Key.Tournament)
            .Select(g => new ConferenceTournament(g.Key.Season, g.Key.Tournament!))
            .ToListAsync(cancellationToken);
    }
}

/// <summary>A conference's tournament of one season, by the name the feed gives it ("Big East Tournament").</summary>
public sealed record ConferenceTournament(int Season, string Name);
