using LinqToDB;
using LinqToDB.Async;

namespace GamePulse.Data.Leagues;

/// <summary>
/// The leagues, read once per process: they are seed data that only a migration changes, and migrations run before
/// the Web and the Worker start. Every page names its league, so this saves a query on each request.
/// </summary>
public sealed class LeagueRepository(GamePulseDbFactory databases)
{
    private Task<IReadOnlyList<League>>? all;

    public async Task<IReadOnlyList<League>> GetAllAsync(CancellationToken cancellationToken = default)
    {
        var load = all ??= LoadAsync();
        try
        {
            return await load.WaitAsync(cancellationToken);
        }
        catch (Exception) when (!cancellationToken.IsCancellationRequested)
        {
            // A failed read (database not up yet) is not remembered; the next caller reads again.
            _ = Interlocked.CompareExchange(ref all, null, load);
            throw;
        }
    }

    public async Task<League?> FindBySlugAsync(string slug, CancellationToken cancellationToken = default) =>
        (await GetAllAsync(cancellationToken)).FirstOrDefault(l => l.Slug == slug);

    private async Task<IReadOnlyList<League>> LoadAsync()
    {
        await using var db = databases.Open();
        return await db.Leagues.OrderBy(l => l.SortOrder).ToListAsync();
    }
}
