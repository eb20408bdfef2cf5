using System.Text.Json;
using GamePulse.Tests.Support;
using GamePulse.Worker.Hosting;
using Microsoft.Extensions.Hosting;

namespace GamePulse.Tests.Worker.Email;

/// <summary>
/// The Worker's email loops through a real PostgreSQL outage: one error when the streak starts and one line when it
/// ends, not an error every reconnect attempt (the *-worker-errors alarm fires at 5 in 5 minutes).
/// </summary>
[TestClass]
public sealed class EmailOutageLoggingTests
{
    [TestMethod]
    public async Task A_database_outage_is_one_error_and_one_recovery_line_not_an_error_per_retry()
    {
        var connectionString = await OutagePostgres.CreateDatabaseAsync();
        using var stdout = new StdoutCapture();
        using var host = WorkerHost.CreateBuilder(
        [
            $"--ConnectionStrings:GamePulse={connectionString}",
            "--Ses:EndpointUrl=http://127.0.0.1:9/",
            "--Ses:Region=us-east-1",
            "--Ses:FromAddress=GamePulse <no-reply@gamepulse.test>",
            "--Email:SweepInterval=00:00:01",
            "--Email:CleanupInterval=00:00:02",
            "--Ingestion:ScheduleEnabled=false", // the scheduler has its own outage handling
            $"--Worker:HeartbeatFile={Path.Combine(Path.GetTempPath(), $"gamepulse-outage-{Environment.ProcessId}.heartbeat")}",
        ]).Build();
        await host.StartAsync();
        try
        {
            await Task.Delay(TimeSpan.FromSeconds(1));
            await OutagePostgres.StopAsync();
            await Task.Delay(TimeSpan.FromSeconds(12));
            await OutagePostgres.StartAsync();
            await WaitForAsync(stdout, e => Message(e).Contains("again", StringComparison.Ordinal), 2, "both loops say they reach the database again");
        }
        finally
        {
            await OutagePostgres.StartAsync();
            await host.StopAsync();
        }

        var errors = stdout.Events().Where(e => e.GetProperty("Level").GetString() is "Error" or "Fatal").Select(Message).ToList();
        Assert.IsLessThanOrEqualTo(2, errors.Count, "at most one error per loop (dispatcher, cleanup) for the whole outage:\n" + string.Join("\n", errors));
    }

    private static string Message(JsonElement e) => e.GetProperty("RenderedMessage").GetString() ?? "";

    private static async Task WaitForAsync(StdoutCapture stdout, Func<JsonElement, bool> match, int count, string what)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (stdout.Events().Count(match) < count)
        {
            if (DateTime.UtcNow > deadline)
            {
                Assert.Fail($"{what}: not within 20 s. Log:\n{stdout.Text}");
            }

            await Task.Delay(100);
        }
    }
}
