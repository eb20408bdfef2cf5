using Dapper;
using GamePulse.Data.Games;
using GamePulse.Data.Teams;
using Npgsql;

namespace GamePulse.Web.Pages.Teams;

/// <summary>A team's season: results, upcoming games and the records computed from its final games.</summary>
public sealed record TeamView(Team Team, int Season, IReadOnlyList<GameSummary> Results, IReadOnlyList<GameSummary> Upcoming, IReadOnlyList<GameSummary> Off, WinLoss Overall, WinLoss Conference);

public readonly record struct WinLoss(int Wins, int Losses)
{
    public override string ToString() => $"{Wins}–{Losses}";
}

public sealed class TeamQuery(NpgsqlDataSource dataSource, GameRepository games)
{
    public async Task<TeamView> LoadAsync(Team team, int currentSeason, CancellationToken cancellationToken)
    {
        // Off-season (or a team with no games yet this season) shows the latest season it played.
        await using (var connection = await dataSource.OpenConnectionAsync(cancellationToken))
        {
            currentSeason = await connection.ExecuteScalarAsync<int?>(new CommandDefinition(
                "SELECT max(season) FROM games WHERE (home_team_id = @id OR away_team_id = @id) AND season <= @currentSeason",
                new { id = team.Id, currentSeason }, cancellationToken: cancellationToken)) ?? currentSeason;
        }

        var season = await games.GetTeamSeasonAsync(team.Id, currentSeason, cancellationToken);
        var finals = season.Where(g => g.State == GameState.Final && g.HomeScore is not null && g.AwayScore is not null).ToList();
        bool Won(GameSummary g) => g.HomeTeamId == team.Id ? g.HomeScore > g.AwayScore : g.AwayScore > g.HomeScore;
        WinLoss Record(IEnumerable<GameSummary> list) => new(list.Count(Won), list.Count(g => !Won(g)));

        // Conference standings count regular-season games between two members of the same conference.
        var conference = finals.Where(g => g.SeasonType == "regular" && g.HomeConferenceId is not null && g.HomeConferenceId == g.AwayConferenceId);
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
