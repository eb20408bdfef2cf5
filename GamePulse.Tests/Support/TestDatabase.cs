using GamePulse.Data.Conferences;
using GamePulse.Data.Games;
using GamePulse.Data.Leagues;
using GamePulse.Data.Pulse;
using GamePulse.Data.Teams;
using Npgsql;

namespace GamePulse.Tests.Support;

/// <summary>A test class's own copy of the migrated database, with the repositories over it.</summary>
public sealed class TestDatabase : IAsyncDisposable
{
    private TestDatabase(string connectionString)
    {
        ConnectionString = connectionString;
        DataSource = NpgsqlDataSource.Create(connectionString);
    }

    public string ConnectionString { get; }

    public NpgsqlDataSource DataSource { get; }

    public LeagueRepository Leagues => new(DataSource);

    public ConferenceRepository Conferences => new(DataSource);

    public TeamRepository Teams => new(DataSource);

    public GameRepository Games => new(DataSource);

    public PulseRepository Pulse => new(DataSource);

    public static async Task<TestDatabase> CreateAsync() => new(await PostgresServer.CreateDatabaseAsync());

    /// <summary>A database created elsewhere (e.g. in the cluster outage tests stop and start).</summary>
    public static TestDatabase Over(string connectionString) => new(connectionString);

    public async Task<T> ScalarAsync<T>(string sql, object? parameters = null)
    {
        await using var connection = await DataSource.OpenConnectionAsync();
        return await Dapper.SqlMapper.ExecuteScalarAsync<T>(connection, sql, parameters) ?? throw new InvalidOperationException($"No value from: {sql}");
    }

    /// <summary>The id of a seeded men's team by its ESPN id (tests name teams the way the feeds do).</summary>
    public Task<int> MensTeamIdAsync(string espnId) =>
        ScalarAsync<int>("SELECT id FROM teams WHERE league_id = 1 AND espn_id = @espnId", new { espnId });

    public async Task ExecuteAsync(string sql, object? parameters = null)
    {
        await using var connection = await DataSource.OpenConnectionAsync();
        await Dapper.SqlMapper.ExecuteAsync(connection, sql, parameters);
    }

    public async Task<IReadOnlyList<T>> QueryAsync<T>(string sql, object? parameters = null)
    {
        await using var connection = await DataSource.OpenConnectionAsync();
        return [.. await Dapper.SqlMapper.QueryAsync<T>(connection, sql, parameters)];
    }

    public ValueTask DisposeAsync() => DataSource.DisposeAsync();
}
