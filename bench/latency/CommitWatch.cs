using System.Collections.Concurrent;
using GamePulse.Data.Games;
using Npgsql;

namespace GamePulse.Bench.Latency;

/// <summary>
/// When each score reached the database: LISTEN on the Worker's own NOTIFY channel (delivered at commit), and on each
/// notification read every simulated game's score. The first time a score is read is its commit time (tc), within
/// the few milliseconds of that read; it does not depend on how the Web learns of the change.
/// </summary>
public sealed class CommitWatch(string connectionString)
{
    public ConcurrentDictionary<string, List<Observation>> Seen { get; } = new(StringComparer.Ordinal);

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        await using (var listen = new NpgsqlCommand($"LISTEN {GameChanges.Channel}", connection))
        {
            await listen.ExecuteNonQueryAsync(cancellationToken);
        }

        await ReadScoresAsync(connection, DateTimeOffset.UtcNow, cancellationToken);
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                await connection.WaitAsync(cancellationToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }

            await ReadScoresAsync(connection, DateTimeOffset.UtcNow, CancellationToken.None);
        }
    }

    private async Task ReadScoresAsync(NpgsqlConnection connection, DateTimeOffset notifiedAt, CancellationToken cancellationToken)
    {
        // Raw SQL: a bench reading one table, without the data library's units of work.
        await using var read = new NpgsqlCommand("SELECT espn_id, home_score, away_score FROM games WHERE espn_id LIKE '59%' AND home_score IS NOT NULL", connection);
        await using var rows = await read.ExecuteReaderAsync(cancellationToken);
        while (await rows.ReadAsync(cancellationToken))
        {
            var list = Seen.GetOrAdd(rows.GetString(0), _ => []);
            var score = new Observation(rows.GetInt16(1), rows.GetInt16(2), notifiedAt);
            lock (list)
            {
                if (list.Count == 0 || list[^1].Home != score.Home || list[^1].Away != score.Away)
                {
                    list.Add(score);
                }
            }
        }
    }
}

/// <summary>A score seen at an instant: in the database, or on the screen.</summary>
public sealed record Observation(int Home, int Away, DateTimeOffset At)
{
    /// <summary>This score is the change's or a later one (scores only go up).</summary>
    public bool Reaches(int home, int away) => Home >= home && Away >= away;
}
