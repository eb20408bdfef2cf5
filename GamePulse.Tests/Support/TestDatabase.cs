using System.Data.Common;
using System.Runtime.CompilerServices;
using GamePulse.Data;
using GamePulse.Data.Conferences;
using GamePulse.Data.Games;
using GamePulse.Data.Leagues;
using GamePulse.Data.Pulse;
using GamePulse.Data.Teams;
using LinqToDB.Data;
using Npgsql;

namespace GamePulse.Tests.Support;

/// <summary>A test class's own copy of the migrated database, with the repositories over it.</summary>
public sealed class TestDatabase : IAsyncDisposable
{
    private TestDatabase(string connectionString)
    {
        ConnectionString = connectionString;
        DataSource = NpgsqlDataSource.Create(connectionString);
        Databases = new GamePulseDbFactory(DataSource);
    }

    public string ConnectionString { get; }

    public NpgsqlDataSource DataSource { get; }

    /// <summary>Opens units of work on this database, as the Web and the Worker do.</summary>
    public GamePulseDbFactory Databases { get; }

    public LeagueRepository Leagues => new(Databases);

    public ConferenceRepository Conferences => new(Databases);

    public TeamRepository Teams => new(Databases);

    public GameRepository Games => new(Databases);

    public PulseRepository Pulse => new(Databases);

    public static async Task<TestDatabase> CreateAsync() => new(await PostgresServer.CreateDatabaseAsync());

    /// <summary>Runs <paramref name="work"/> in one unit of work that commits when it returns.</summary>
    public async Task<T> InUnitOfWorkAsync<T>(Func<GamePulseDb, Task<T>> work)
    {
        await using var db = Databases.Open();
        await using var transaction = await db.BeginTransactionAsync();
        var result = await work(db);
        await transaction.CommitAsync();
        return result;
    }

    /// <summary>A database created elsewhere (e.g. in the cluster outage tests stop and start).</summary>
    public static TestDatabase Over(string connectionString) => new(connectionString);

    public async Task<T> ScalarAsync<T>(string sql, object? parameters = null)
    {
        var rows = await QueryAsync<T>(sql, parameters);
        return rows.Count > 0 && rows[0] is { } value ? value : throw new InvalidOperationException($"No value from: {sql}");
    }

    /// <summary>The id of a seeded men's team by its ESPN id (tests name teams the way the feeds do).</summary>
    public Task<int> MensTeamIdAsync(string espnId) =>
        ScalarAsync<int>("SELECT id FROM teams WHERE league_id = 1 AND espn_id = @espnId", new { espnId });

    public async Task ExecuteAsync(string sql, object? parameters = null)
    {
        await using var db = Databases.Open();
        await db.ExecuteAsync(sql, parameters ?? new { });
    }

    /// <summary>
    /// Rows of a test's own SQL: a value tuple is filled by column position (tests read several columns at once this way),
    /// a single value from the first column, anything else by linq2db's mapping.
    /// </summary>
    public async Task<IReadOnlyList<T>> QueryAsync<T>(string sql, object? parameters = null)
    {
        await using var db = Databases.Open();
        if (typeof(ITuple).IsAssignableFrom(typeof(T)) || IsSingleValue(typeof(T)))
        {
            return await db.QueryToListAsync(ReadPositional<T>, sql, parameters ?? new { });
        }

        return await db.QueryToListAsync<T>(sql, parameters ?? new { });
    }

    public ValueTask DisposeAsync() => DataSource.DisposeAsync();

    private static bool IsSingleValue(Type type)
    {
        var bare = Nullable.GetUnderlyingType(type) ?? type;
        return bare.IsPrimitive || bare.IsEnum || bare.IsArray || bare == typeof(string) || bare == typeof(decimal) || bare == typeof(Guid)
            || bare == typeof(DateTime) || bare == typeof(DateTimeOffset) || bare == typeof(DateOnly) || bare == typeof(TimeSpan);
    }

    private static T ReadPositional<T>(DbDataReader reader)
    {
        if (!typeof(ITuple).IsAssignableFrom(typeof(T)))
        {
            return (T)Read(reader, 0, typeof(T))!;
        }

        var types = typeof(T).GetGenericArguments();
        var values = new object?[types.Length];
        for (var i = 0; i < types.Length; i++)
        {
            values[i] = Read(reader, i, types[i]);
        }

        return (T)Activator.CreateInstance(typeof(T), values)!;
    }

    private static object? Read(DbDataReader reader, int ordinal, Type type)
    {
        if (reader.IsDBNull(ordinal))
        {
            return null;
        }

        var bare = Nullable.GetUnderlyingType(type) ?? type;
        return typeof(DbDataReader).GetMethod(nameof(DbDataReader.GetFieldValue))!.MakeGenericMethod(bare).Invoke(reader, [ordinal]);
    }
}
