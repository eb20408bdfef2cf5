using Microsoft.Extensions.Logging;
using Npgsql;

namespace GamePulse.Data.Migrations;

/// <summary>
/// One session-level advisory lock that every GamePulse process takes before migrating, on a connection of its own.
/// It is polled with pg_try_advisory_lock: a waiting pg_advisory_lock would be a transaction that CREATE INDEX
/// CONCURRENTLY in the holder's migration waits for, while it waits for the holder (a deadlock).
/// </summary>
internal sealed class MigrationLock : IAsyncDisposable
{
    // The key the runner before FluentMigrator used too ("GPMIGRAT" as ASCII), so an old and a new release exclude each other.
    internal const long Key = 0x47504D4947524154;

    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(200);

    private readonly NpgsqlConnection connection;

    private MigrationLock(NpgsqlConnection connection) => this.connection = connection;

    public static async Task<MigrationLock> AcquireAsync(NpgsqlConnection connection, ILogger logger, CancellationToken cancellationToken)
    {
        var logged = false;
        while (!await TryAsync(connection, cancellationToken))
        {
            if (!logged)
            {
                logger.LogInformation("Another process is applying migrations; waiting for it to finish");
                logged = true;
            }

            await Task.Delay(PollInterval, cancellationToken);
        }

        return new MigrationLock(connection);
    }

    public async ValueTask DisposeAsync()
    {
        await using var command = new NpgsqlCommand("SELECT pg_advisory_unlock(@key)", connection);
        command.Parameters.AddWithValue("key", Key);
        await command.ExecuteNonQueryAsync();
    }

    private static async Task<bool> TryAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand("SELECT pg_try_advisory_lock(@key)", connection);
        command.Parameters.AddWithValue("key", Key);
        return (bool)(await command.ExecuteScalarAsync(cancellationToken))!;
    }
}
