using GamePulse.Data;
using GamePulse.Data.Games;
using GamePulse.Data.Teams;
using LinqToDB;
using LinqToDB.Async;

namespace GamePulse.Web.Pages.Teams;

/// <summary>A team's season: results, upcoming games and the records computed from its final games.</summary>
public sealed record TeamView(Team Team, int Season, IReadOnlyList<GameSummary> Results, IReadOnlyList<GameSummary> Upcoming, IReadOnlyList<GameSummary> Off, WinLoss Overall, WinLoss Conference)
{
    /// <summary>Every game the page shows.</summary>
    public IEnumerable<GameSummary> Games => Results.Concat(Upcoming).Concat(Off);
}

public readonly record struct WinLoss(int Wins, int Losses)
{
    public override string ToString() => $"{Wins}–{Losses}";
}

public sealed class TeamQuery(GamePulseDbFactory databases, GameRepository games)
{
    public async Task<TeamView> LoadAsync(Team team, int currentSeason, CancellationToken cancellationToken)
    {
        // Off-season (or a team with no games yet this season) shows the latest season it played.
        await using (var db = databases.Open())
        {
            currentSeason = await db.Games
                .Where(g => (g.HomeTeamId == team.Id || g.AwayTeamId == team.Id) && g.Season <= currentSeason)
                .MaxAsync(g => (int?)g.Season, cancellationToken) ?? currentSeason;
        }

        var season = await games.GetTeamSeasonAsync(team.Id, currentSeason, cancellationToken);
        var finals = season.Where(g => g.State == GameState.Final && g.Home.Score is not null && g.Away.Score is not null).ToList();
        bool Won(GameSummary g) => g.Home.Id == team.Id ? g.Home.Score > g.Away.Score : g.Away.Score > g.Home.Score;
        WinLoss Record(IEnumerable<GameSummary> list) => new(list.Count(Won), list.Count(g => !Won(g)));

        // Conference standings count regular-season games between two members of the same conference.
        var conference = finals.Where(g => g.SeasonType == "regular" && g.Home.ConferenceId is not null && g.Home.ConferenceId == g.Away.ConferenceId);
        return new TeamView(
            team,
            currentSeason,
            [.. finals.OrderByDescending(g => g.GameDate).ThenByDescending(g => g.StartTime)],
            [.. season.Where(g => g.State is GameState.Scheduled || g.IsInProgress)],
            [.. season.Where(g => g.State is GameState.Postponed or GameState.Canceled)],
            Record(finals),
            Record(conference));
    }
}
