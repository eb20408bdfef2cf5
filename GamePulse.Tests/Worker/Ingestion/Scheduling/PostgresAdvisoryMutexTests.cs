using GamePulse.Tests.Support;
using GamePulse.Worker.Ingestion;
using GamePulse.Worker.Ingestion.Scheduling;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace GamePulse.Tests.Worker.Ingestion.Scheduling;

/// <summary>Two mutexes on their own connections stand for two Workers, as PostgreSQL sees them.</summary>
[TestClass]
public sealed class PostgresAdvisoryMutexTests
{
    private static TestDatabase database = null!;

    [ClassInitialize]
    public static async Task CreateDatabaseAsync(TestContext context) => database = await TestDatabase.CreateAsync();

    [ClassCleanup]
    public static async Task DropDatabaseAsync() => await database.DisposeAsync();

    private static PostgresAdvisoryMutex NewMutex(NpgsqlDataSource? dataSource = null, RecordingLogger<PostgresAdvisoryMutex>? log = null) =>
        new(dataSource ?? database.DataSource, new FailureStreaks(), log ?? new RecordingLogger<PostgresAdvisoryMutex>());

    [TestMethod]
    public void A_key_held_by_one_worker_is_refused_to_the_other_until_released()
    {
        using var first = NewMutex();
        using var second = NewMutex();

        Assert.IsTrue(first.TryGetLock("scoreboard", 1440), "a free key is granted");
        Assert.IsFalse(second.TryGetLock("scoreboard", 1440), "the other Worker must wait");
        Assert.IsFalse(first.TryGetLock("scoreboard", 1440), "nor does the holder get it twice (PostgreSQL would stack it)");
        Assert.IsTrue(second.TryGetLock("window", 1440), "other keys are independent");

        first.Release("scoreboard");

        Assert.IsTrue(second.TryGetLock("scoreboard", 1440), "a released key is granted to the other Worker");
        Assert.IsFalse(first.TryGetLock("scoreboard", 1440), "and now refused to the first");
    }

    [TestMethod]
    public async Task A_worker_whose_session_dies_loses_its_locks_and_gets_a_new_session_by_itself()
    {
        using var first = NewMutex();
        using var second = NewMutex();
        Assert.IsTrue(first.TryGetLock("scoreboard", 1440));

        // What PostgreSQL does when a Worker's process dies or its connection is cut (waiting until the session is gone).
        var ended = await database.ScalarAsync<long>("""
            SELECT count(*) FROM pg_locks l JOIN LATERAL pg_terminate_backend(l.pid, 5000) ended ON ended
            WHERE l.locktype = 'advisory' AND l.granted AND l.database = (SELECT oid FROM pg_database WHERE datname = current_database())
            """);

        Assert.AreEqual(1L, ended, "the first Worker's session held the one advisory lock");
        Assert.IsTrue(second.TryGetLock("scoreboard", 1440), "the dead session's lock is free");
        first.Release("scoreboard"); // what Coravel does when the job ends: the session is gone, nothing to unlock
        Assert.IsFalse(first.TryGetLock("scoreboard", 1440), "the first Worker, on a new session, sees the other's lock");
        second.Release("scoreboard");
        Assert.IsTrue(first.TryGetLock("scoreboard", 1440), "and gets it once released");
    }

    [TestMethod]
    public void While_the_database_is_unreachable_every_lock_is_refused_with_one_warning()
    {
        using var down = NpgsqlDataSource.Create("Host=127.0.0.1;Port=1;Username=gamepulse;Database=nowhere;Timeout=2");
        var log = new RecordingLogger<PostgresAdvisoryMutex>();
        using var mutex = NewMutex(down, log);

        var granted = Enumerable.Range(0, 3).Count(_ => mutex.TryGetLock("scoreboard", 1440));

        Assert.AreEqual(0, granted, "no firing runs without the database");
        var warnings = log.Events.Where(e => e.Level == LogLevel.Warning).ToList();
        Assert.HasCount(1, warnings, "one warning per outage, not per firing");
        StringAssert.StartsWith(warnings[0].Template, "Scheduler cannot reach the database", "the warning says what is wrong");
    }

    [TestMethod]
    public void After_an_outage_the_first_lock_granted_logs_the_recovery()
    {
        var streaks = new FailureStreaks();
        var log = new RecordingLogger<PostgresAdvisoryMutex>();
        using var down = NpgsqlDataSource.Create("Host=127.0.0.1;Port=1;Username=gamepulse;Database=nowhere;Timeout=2");
        using (var duringOutage = new PostgresAdvisoryMutex(down, streaks, log))
        {
            Assert.IsFalse(duringOutage.TryGetLock("scoreboard", 1440), "refused while down");
            Assert.IsFalse(duringOutage.TryGetLock("scoreboard", 1440), "refused while down");
        }

        using var recovered = new PostgresAdvisoryMutex(database.DataSource, streaks, log);

        Assert.IsTrue(recovered.TryGetLock("scoreboard", 1440), "granted once the database answers");
        var recovery = log.WithTemplateStarting("Scheduler reaches the database again").Single();
        Assert.AreEqual(2, recovery.Properties["Failures"], "the recovery line counts the skipped firings");
    }
}
