using Dapper;
using Npgsql;

namespace GamePulse.Data.Leagues;

/// <summary>
/// The leagues, read once per process: they are seed data that only a migration changes, and migrations run before
/// the Web and the Worker start. Every page names its league, so this saves a query on each request.
/// </summary>
public sealed class LeagueRepository(NpgsqlDataSource dataSource)
{
    private const string Columns = "id, code, name, short_name, slug, espn_path, ncaa_sport";

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
        await using var connection = await dataSource.OpenConnectionAsync();
        var rows = await connection.QueryAsync<League>($"SELECT {Columns} FROM leagues ORDER BY sort_order");
        return [.. rows];
    }
}
