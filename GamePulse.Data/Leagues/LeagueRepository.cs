using Dapper;
using Npgsql;

namespace GamePulse.Data.Leagues;

public sealed class LeagueRepository(NpgsqlDataSource dataSource)
{
    private const string Columns = "id, code, name, short_name, slug, espn_path, ncaa_sport";

    public async Task<IReadOnlyList<League>> GetAllAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<League>(new CommandDefinition(
            $"SELECT {Columns} FROM leagues ORDER BY sort_order", cancellationToken: cancellationToken));
        return [.. rows];
    }

    public async Task<League?> FindBySlugAsync(string slug, CancellationToken cancellationToken = default)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<League>(new CommandDefinition(
            $"SELECT {Columns} FROM leagues WHERE slug = @slug", new { slug }, cancellationToken: cancellationToken));
    }
}
