using Dapper;
using Npgsql;

namespace GamePulse.Data.Accounts;

/// <summary>A team a user follows, with what the account page needs to show and link it.</summary>
public sealed record FollowedTeam(int TeamId, string Slug, string DisplayName, string LeagueSlug, string LeagueName);

public sealed class FollowRepository(NpgsqlDataSource dataSource)
{
    /// <summary>Follows a team; false when the team does not exist. Following twice is harmless.</summary>
    public async Task<bool> FollowAsync(long userId, int teamId, CancellationToken cancellationToken = default)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var exists = await connection.QuerySingleAsync<bool>(new CommandDefinition("""
            WITH added AS (
                INSERT INTO follows (user_id, team_id) SELECT @userId, id FROM teams WHERE id = @teamId
                ON CONFLICT DO NOTHING)
            SELECT EXISTS (SELECT 1 FROM teams WHERE id = @teamId)
            """, new { userId, teamId }, cancellationToken: cancellationToken));
        return exists;
    }

    public async Task UnfollowAsync(long userId, int teamId, CancellationToken cancellationToken = default)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            "DELETE FROM follows WHERE user_id = @userId AND team_id = @teamId", new { userId, teamId }, cancellationToken: cancellationToken));
    }

    /// <summary>The ids of the teams a user follows (the scoreboards' "My teams" filter).</summary>
    public async Task<IReadOnlySet<int>> GetFollowedTeamIdsAsync(long userId, CancellationToken cancellationToken = default)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var ids = await connection.QueryAsync<int>(new CommandDefinition(
            "SELECT team_id FROM follows WHERE user_id = @userId", new { userId }, cancellationToken: cancellationToken));
        return ids.ToHashSet();
    }

    public async Task<IReadOnlyList<FollowedTeam>> GetFollowedTeamsAsync(long userId, CancellationToken cancellationToken = default)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<FollowedTeam>(new CommandDefinition("""
            SELECT t.id AS team_id, t.slug, t.display_name, l.slug AS league_slug, l.name AS league_name
            FROM follows f JOIN teams t ON t.id = f.team_id JOIN leagues l ON l.id = t.league_id
            WHERE f.user_id = @userId
            ORDER BY l.id, t.display_name
            """, new { userId }, cancellationToken: cancellationToken));
        return [.. rows];
    }

    /// <summary>The short name a follow button labels a team with.</summary>
    public async Task<string?> FindTeamNameAsync(int teamId, CancellationToken cancellationToken = default)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<string>(new CommandDefinition(
            "SELECT short_name FROM teams WHERE id = @teamId", new { teamId }, cancellationToken: cancellationToken));
    }
}
