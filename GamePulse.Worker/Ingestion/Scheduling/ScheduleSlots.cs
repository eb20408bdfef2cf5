using System.Globalization;
using GamePulse.Data;
using LinqToDB.Data;

namespace GamePulse.Worker.Ingestion.Scheduling;

/// <summary>
/// Claims a firing of a schedule for this Worker. Coravel's scheduler knows nothing of other processes: every Worker's
/// scheduler fires every tick. The first Worker to insert the firing's (job, slot) row into schedule_slots runs it; the
/// others skip it, so two Workers never both run a firing (the advisory-lock mutex only stops overlapping runs).
/// </summary>
public sealed class ScheduleSlots(GamePulseDbFactory databases, TimeProvider clock)
{
    // Long enough to outlast any clock skew between Workers; the claims prune their own job's older rows.
    private static readonly TimeSpan Retention = TimeSpan.FromDays(1);

    /// <summary>Which Worker claimed a slot: host, process and a random part (two hosts in one test process differ too).</summary>
    public string Instance { get; } = $"{Environment.MachineName}/{Environment.ProcessId}/{Guid.NewGuid().ToString("N")[..8]}";

    /// <summary>
    /// The slot of a firing: the tick it belongs to, the clock floored to the schedule's period. Coravel fires
    /// <c>EverySeconds(n)</c> when the second of the minute divides by n and n divides 60, and cron schedules on the
    /// minute, so every Worker computes the same slot for the same firing even when it runs a moment late.
    /// </summary>
    public static DateTimeOffset SlotOf(DateTimeOffset now, TimeSpan period) =>
        new(now.UtcTicks - (now.UtcTicks % period.Ticks), TimeSpan.Zero);

    /// <summary>The firing's id as stored in ingest_runs.fire_id: job and slot, one per firing across all Workers.</summary>
    public static string FireId(string job, DateTimeOffset slot) =>
        $"{job}@{slot.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture)}";

    /// <summary>
    /// Claims the current slot of <paramref name="job"/>: its fire id when this Worker won it, null when another Worker
    /// (or an earlier run here) has it. The same statement deletes the job's rows older than a day.
    /// </summary>
    public async Task<string?> TryClaimAsync(string job, TimeSpan period, CancellationToken cancellationToken)
    {
        var slot = SlotOf(clock.GetUtcNow(), period);
        await using var db = databases.Open();
        // Raw SQL: the claim and the prune of the job's old rows in one statement; only the INSERT's row counts.
        var inserted = await db.ExecuteAsync(
            """
            WITH pruned AS (DELETE FROM schedule_slots WHERE job = @job AND slot < @oldest)
            INSERT INTO schedule_slots (job, slot, claimed_by) VALUES (@job, @slot, @instance)
            ON CONFLICT (job, slot) DO NOTHING
            """,
            new { job, slot, oldest = slot - Retention, instance = Instance }, cancellationToken);
        return inserted == 1 ? FireId(job, slot) : null;
    }
}
