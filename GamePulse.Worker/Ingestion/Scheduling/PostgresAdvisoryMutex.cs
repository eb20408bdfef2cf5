using System.Net.Sockets;
using Coravel.Scheduling.Schedule.Interfaces;
using Npgsql;

namespace GamePulse.Worker.Ingestion.Scheduling;

/// <summary>
/// Coravel's overlap guard (<c>PreventOverlapping</c>) across every Worker, in place of its in-memory one: a key is a
/// PostgreSQL session-level advisory lock, held on a connection of its own while the job runs, so no other Worker starts
/// the same job until it ends here. PostgreSQL drops the locks of a Worker that dies together with its session, so
/// nothing has to expire and Coravel's timeout is not needed. Coravel's interface is synchronous, and so is this.
/// While the database cannot be reached every lock is refused, so firings are skipped (one warning) until it answers:
/// that is how a Worker started with the database down waits and then resumes by itself.
/// </summary>
public sealed class PostgresAdvisoryMutex(NpgsqlDataSource dataSource, FailureStreaks streaks, ILogger<PostgresAdvisoryMutex> logger) : IMutex, IDisposable
{
    public const string Streak = "scheduler";
    private const string KeyPrefix = "gamepulse.schedule:";

    private readonly Lock gate = new();

    // PostgreSQL grants a session a lock it already holds (they stack), so keys held here are refused here.
    private readonly HashSet<string> held = new(StringComparer.Ordinal);
    private NpgsqlConnection? connection;

    public bool TryGetLock(string key, int timeoutMinutes)
    {
        lock (gate)
        {
            if (held.Contains(key))
            {
                return false;
            }

            try
            {
                if (!Ask("SELECT pg_try_advisory_lock(hashtextextended(@key, 0))", key))
                {
                    return false;
                }
            }
            catch (Exception ex) when (IsUnreachable(ex))
            {
                DropIfBroken();
                if (streaks.Fail(Streak))
                {
                    logger.LogWarning("Scheduler cannot reach the database: {Error}. Firings are skipped until it answers, and it logs again then", ex.Message);
                }

                return false;
            }

            held.Add(key);
            if (streaks.Recover(Streak) is > 0 and var failures)
            {
                logger.LogInformation("Scheduler reaches the database again after {Failures} skipped firing(s)", failures);
            }

            return true;
        }
    }

    public void Release(string key)
    {
        lock (gate)
        {
            if (!held.Remove(key))
            {
                return;
            }

            try
            {
                Ask("SELECT pg_advisory_unlock(hashtextextended(@key, 0))", key);
            }
            catch (Exception ex) when (IsUnreachable(ex))
            {
                // The session is gone, and its locks went with it.
                DropIfBroken();
            }
        }
    }

    public void Dispose()
    {
        lock (gate)
        {
            Drop();
        }
    }

    // A connection kept from before a database restart fails once: the question is asked again on a new one. A lost
    // session also lost the other keys held here; their jobs finish, and the slot claims still keep each firing to one
    // Worker even if another Worker's next firing overlaps them.
    private bool Ask(string sql, string key)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                if (!IsOpen)
                {
                    Drop();
                    connection = dataSource.OpenConnection();
                }

                using var command = new NpgsqlCommand(sql, connection);
                command.Parameters.AddWithValue("key", KeyPrefix + key);
                return command.ExecuteScalar() is true;
            }
            catch (Exception ex) when (attempt == 1 && IsUnreachable(ex) && !IsOpen)
            {
                Drop();
            }
        }
    }

    private bool IsOpen => connection is { State: System.Data.ConnectionState.Open };

    // Closing a connection that still works would release the other keys it holds, whose jobs are still running.
    private void DropIfBroken()
    {
        if (!IsOpen)
        {
            Drop();
        }
    }

    private void Drop()
    {
        connection?.Dispose();
        connection = null;
    }

    private static bool IsUnreachable(Exception ex) => ex is NpgsqlException or TimeoutException or SocketException;
}
