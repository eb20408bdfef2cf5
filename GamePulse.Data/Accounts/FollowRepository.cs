using LinqToDB;
using LinqToDB.Async;

namespace GamePulse.Data.Accounts;

public sealed class FollowRepository(GamePulseDbFactory databases)
{
    /// <summary>Follows a team; false when the team does not exist. Following twice is harmless (ON CONFLICT DO NOTHING).</summary>
    public async Task<bool> FollowAsync(GamePulseDb db, long userId, int teamId, CancellationToken cancellationToken = default)
    {
        if (!await db.Teams.AnyAsync(t => t.Id == teamId, cancellationToken))
        {
            return false;
        }

        await db.Follows.InsertOrUpdateAsync(() => new Follow { UserId = userId, TeamId = teamId }, onDuplicateKeyUpdateSetter: null, cancellationToken);
        return true;
    }

    public Task UnfollowAsync(GamePulseDb db, long userId, int teamId, CancellationToken cancellationToken = default) =>
        db.Follows.DeleteAsync(f => f.UserId == userId && f.TeamId == teamId, cancellationToken);

    /// <summary>The ids of the teams a user follows (the scoreboards' "My teams" filter).</summary>
    public async Task<IReadOnlySet<int>> GetFollowedTeamIdsAsync(long userId, CancellationToken cancellationToken = default)
    {
        await using var db = databases.Open();
        var ids = await db.Follows.Where(f => f.UserId == userId).Select(f => f.TeamId).ToListAsync(cancellationToken);
        return ids.ToHashSet();
    }

    public async Task<IReadOnlyList<FollowedTeam>> GetFollowedTeamsAsync(long userId, CancellationToken cancellationToken = default)
    {
        await using var db = databases.Open();
        return await (
            from f in db.Follows
            join t in db.Teams on f.TeamId equals t.Id
            join l in db.Leagues on t.LeagueId equals l.Id
            where f.UserId == userId
            orderby l.Id, t.DisplayName
            select new FollowedTeam(t.Id, t.Slug, t.DisplayName, l.Slug, l.Name)).ToListAsync(cancellationToken);
    }

    /// <summary>The short name a follow button labels a team with.</summary>
    public Task<string?> FindTeamNameAsync(GamePulseDb db, int teamId, CancellationToken cancellationToken = default) =>
        db.Teams.Where(t => t.Id == teamId).Select(t => (string?)t.ShortName).SingleOrDefaultAsync(cancellationToken);
}
