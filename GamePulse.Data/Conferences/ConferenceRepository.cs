using Dapper;
using Npgsql;

namespace GamePulse.Data.Conferences;

public sealed class ConferenceRepository(NpgsqlDataSource dataSource)
{
    private const string Columns = "id, league_id, slug, name, short_name, active";

    public async Task<Conference?> FindBySlugAsync(short leagueId, string slug, CancellationToken cancellationToken = default)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<Conference>(new CommandDefinition(
            $"SELECT {Columns} FROM conferences WHERE league_id = @leagueId AND slug = @slug",
            new { leagueId, slug }, cancellationToken: cancellationToken));
    }

    public async Task<IReadOnlyList<Conference>> GetByLeagueAsync(short leagueId, CancellationToken cancellationToken = default)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<Conference>(new CommandDefinition(
            $"SELECT {Columns} FROM conferences WHERE league_id = @leagueId ORDER BY active DESC, name",
            new { leagueId }, cancellationToken: cancellationToken));
        return [.. rows];
    }
}
