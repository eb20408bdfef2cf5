using Coravel.Scheduling.Schedule;
using Coravel.Scheduling.Schedule.Interfaces;
using GamePulse.Tests.Support;
using GamePulse.Worker.Hosting;
using GamePulse.Worker.Ingestion.Scheduling;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace GamePulse.Tests.Worker.Ingestion.Scheduling;

/// <summary>The schedules as Coravel fires them, on real Worker hosts over a real database and a local feed.</summary>
[TestClass]
public sealed class IngestionScheduleTests
{
    // 06:00 in New York on a winter day (EST, UTC−5).
    private static readonly DateTimeOffset SixEastern = new(2025, 2, 5, 11, 0, 0, TimeSpan.Zero);

    private static Task<FakeFeedServer> FeedAsync()
    {
        var mens = RepositoryPaths.Fixture("espn/scoreboard-2025-02-04-mixed.json");
        return FakeFeedServer.StartAsync((context, _) => context.Request.Path.Value!.Contains("/mens-", StringComparison.Ordinal)
            ? FakeFeedServer.ServeFileAsync(context, mens)
            : context.Response.WriteAsync("""{"leagues":[{"slug":"womens-college-basketball"}],"events":[]}"""));
    }

    /// <summary>A Worker host whose schedules are set but whose Coravel timer is not started: the test fires the ticks.</summary>
    private static async Task<(IHost Host, Scheduler Scheduler)> ScheduledHostAsync(string connectionString, string feedUrl, TimeProvider clock)
    {
        var builder = WorkerHost.CreateBuilder(
        [
            $"--ConnectionStrings:GamePulse={connectionString}",
            $"--Ingestion:EspnBaseUrl={feedUrl}",
            "--Ingestion:EspnRequestsPerSecond=50",
            "--Logging:MinimumLevel=Warning",
        ]);
        builder.Services.AddSingleton(clock);
        var host = builder.Build();
        await host.Services.GetServices<IHostedService>().OfType<IngestionSchedule>().Single().StartAsync(CancellationToken.None);
        return (host, (Scheduler)host.Services.GetRequiredService<IScheduler>());
    }

    [TestMethod]
    public async Task The_window_refresh_fires_at_six_US_Eastern_and_on_one_of_two_workers()
    {
        await using var database = await TestDatabase.CreateAsync();
        await using var feed = await FeedAsync();
        var clock = new PinnedClock(SixEastern);
        var (firstHost, first) = await ScheduledHostAsync(database.ConnectionString, feed.BaseUrl, clock);
        var (secondHost, second) = await ScheduledHostAsync(database.ConnectionString, feed.BaseUrl, clock);
        using var disposeFirst = firstHost;
        using var disposeSecond = secondHost;
        const string WindowRuns = "SELECT count(*) FROM ingest_runs WHERE job = 'window'";

        await first.RunAtAsync(SixEastern.AddMinutes(-1).UtcDateTime);
        await first.RunAtAsync(new DateTime(2025, 2, 5, 6, 0, 0, DateTimeKind.Utc));
        Assert.AreEqual(0L, await database.ScalarAsync<long>(WindowRuns), "05:59 Eastern and 06:00 UTC are not the window's time");

        // One after the other, as when the second Worker's clock is a moment behind: the firing is over, so no lock stops
        // the second Worker; its claim of the same slot does.
        await first.RunAtAsync(SixEastern.UtcDateTime);
        await second.RunAtAsync(SixEastern.UtcDateTime);

        Assert.AreEqual(30L, await database.ScalarAsync<long>(WindowRuns), "today −7 … +7 for both leagues, once");
        var fired = await database.QueryAsync<(string FireId, string First, string Last)>(
            "SELECT fire_id, min(game_date)::text, max(game_date)::text FROM ingest_runs WHERE job = 'window' GROUP BY fire_id");
        Assert.AreEqual(("window@2025-02-05T11:00:00Z", "2025-01-29", "2025-02-12"), fired.Single(), "one firing, of the window around the Eastern date");
        Assert.AreEqual(1L, await database.ScalarAsync<long>("SELECT count(*) FROM schedule_slots WHERE job = 'window'"), "one Worker claimed the firing");
    }

    [TestMethod]
    public async Task A_worker_started_while_its_database_is_missing_waits_and_resumes_by_itself()
    {
        await using var feed = await FeedAsync();
        var name = $"scheduler_late_{Guid.NewGuid():N}";
        var connectionString = PostgresServer.ConnectionString(name);
        using var stdout = new StdoutCapture();
        using var host = WorkerHost.CreateBuilder(
        [
            $"--ConnectionStrings:GamePulse={connectionString}",
            $"--Ingestion:EspnBaseUrl={feed.BaseUrl}",
            "--Ingestion:TickSeconds=1",
            "--Ingestion:EspnRequestsPerSecond=50",
            $"--Worker:HeartbeatFile={Path.Combine(Path.GetTempPath(), $"gamepulse-late-db-test-{Environment.ProcessId}")}",
        ]).Build();

        await host.StartAsync();
        try
        {
            await WorkerCluster.UntilAsync(() => Task.FromResult(Logged(stdout, "Scheduler cannot reach the database") > 0), "the outage warning");
            await PostgresServer.ExecuteAsync("postgres", $"CREATE DATABASE {name} TEMPLATE {PostgresServer.TemplateDatabase}");
            await using var database = Npgsql.NpgsqlDataSource.Create(connectionString);
            await WorkerCluster.UntilAsync(
                async () => (long)(await database.CreateCommand("SELECT count(*) FROM ingest_runs WHERE job = 'scoreboard'").ExecuteScalarAsync())! > 0,
                "a scoreboard run once the database exists");
        }
        finally
        {
            await host.StopAsync();
        }

        Assert.AreEqual(1, Logged(stdout, "Scheduler cannot reach the database"), "one warning for the whole outage");
        Assert.AreEqual(1, Logged(stdout, "Scheduler reaches the database again"), "one line when it is over");
        IngestRunLinesFeedTheCloudWatchFilters(stdout);
    }

    /// <summary>The "Ingest run" lines the Worker wrote are what infrastructure/logs.tf counts and queries.</summary>
    private static void IngestRunLinesFeedTheCloudWatchFilters(StdoutCapture stdout)
    {
        var runs = stdout.Events().Where(e => CloudWatchLogFilters.PassesTemplateFilter(GamePulse.Web.Pages.Admin.LogsInsightsLinks.IngestRunsQuery, e)).ToList();
        Assert.IsNotEmpty(runs, "the Worker logged its runs");
        var succeeded = CloudWatchLogFilters.MetricFilterPattern("ingest_succeeded_total");
        var failed = CloudWatchLogFilters.MetricFilterPattern("ingest_failed");
        foreach (var run in runs)
        {
            Assert.IsEmpty(CloudWatchLogFilters.MissingQueryFields(GamePulse.Web.Pages.Admin.LogsInsightsLinks.IngestRunsQuery, run), $"fields the saved query reads, missing on {run}");
            Assert.AreNotEqual(CloudWatchLogFilters.Matches(succeeded, run), CloudWatchLogFilters.Matches(failed, run), $"a run counts as succeeded or failed, once: {run}");
            Assert.AreEqual("worker", run.GetProperty("Properties").GetProperty("service").GetString(), "the service the dashboards group by");
        }

        Assert.IsTrue(runs.Any(run => CloudWatchLogFilters.Matches(succeeded, run)), "the run once the database exists counts as succeeded");
    }

    private static int Logged(StdoutCapture stdout, string templateStart) =>
        stdout.Events().Count(e => e.GetProperty("MessageTemplate").GetString()!.StartsWith(templateStart, StringComparison.Ordinal));
}
