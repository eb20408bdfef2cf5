using LinqToDB;
using LinqToDB.Async;

namespace GamePulse.Data.Conferences;

public sealed class ConferenceRepository(GamePulseDbFactory databases)
{
    public async Task<Conference?> FindBySlugAsync(short leagueId, string slug, CancellationToken cancellationToken = default)
    {
        await using var db = databases.Open();
        return await db.Conferences.SingleOrDefaultAsync(c => c.LeagueId == leagueId && c.Slug == slug, cancellationToken);
    }
}
