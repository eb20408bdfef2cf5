using GamePulse.Data.Accounts;
using GamePulse.Tests.Support;
using GamePulse.Worker.Hosting;
using Microsoft.Extensions.Hosting;

namespace GamePulse.Tests.Worker.Email;

[TestClass]
public sealed class EmailDispatcherServiceTests
{
    [TestMethod]
    public async Task The_worker_sends_as_soon_as_the_web_notifies_and_cleans_up_expired_rows()
    {
        Environment.SetEnvironmentVariable("AWS_ACCESS_KEY_ID", "AKIDLOCALTEST");
        Environment.SetEnvironmentVariable("AWS_SECRET_ACCESS_KEY", "local-secret");
        await using var ses = await LocalSes.StartAsync();
        await using var database = await TestDatabase.CreateAsync();
        await database.ExecuteAsync("""
            INSERT INTO login_requests (token_hash, code_hash, browser_id, email, expires_at)
            VALUES (sha256('old'), sha256('old'), sha256('old'), 'old@example.com', now() - interval '2 days');
            INSERT INTO rate_limit_events (bucket, occurred_at) VALUES ('login-ip:x', now() - interval '2 days');
            """);
        // A sweep every 10 minutes: only the notification can deliver the message within the test's wait.
        using var host = WorkerHost.CreateBuilder(
        [
            $"--ConnectionStrings:GamePulse={database.ConnectionString}",
            $"--Ses:EndpointUrl={ses.Endpoint}",
            "--Ses:Region=us-east-1",
            "--Ses:FromAddress=GamePulse <no-reply@gamepulse.test>",
            "--Email:SweepInterval=00:10:00",
            $"--Worker:HeartbeatFile={Path.Combine(Path.GetTempPath(), $"gamepulse-test-{Environment.ProcessId}.heartbeat")}",
            "--Logging:MinimumLevel=Warning",
        ]).Build();
        await host.StartAsync();
        try
        {
            await WaitUntilListeningAsync(database);
            // As the sign-in page writes it: the request and its email in one transaction, whose commit notifies.
            await database.InUnitOfWorkAsync(async db =>
            {
                await new LoginRequestRepository(database.Databases).CreateAsync(db,
                    new NewLoginRequest(Secrets.Hash("t"), Secrets.Hash("c"), Secrets.Hash("b"), "now@example.com", "127.0.0.1", "test", DateTimeOffset.UtcNow.AddMinutes(15)));
                return await new EmailOutboxRepository(database.Databases).EnqueueAsync(db, new OutgoingEmail("now@example.com", "Sign in", "text", "<p>html</p>"));
            });

            var emails = await ses.WaitForEmailsToAsync("now@example.com", timeoutSeconds: 15);

            Assert.HasCount(1, emails, "emails stored by SES");
            Assert.AreEqual(0L, await database.ScalarAsync<long>("SELECT count(*) FROM login_requests WHERE email = 'old@example.com'"), "the cleanup ran at start");
            Assert.AreEqual(0L, await database.ScalarAsync<long>("SELECT count(*) FROM rate_limit_events"), "stale rate-limit events removed");
            Assert.AreEqual(1L, await database.ScalarAsync<long>("SELECT count(*) FROM login_requests"), "unexpired requests stay");
        }
        finally
        {
            await host.StopAsync();
        }
    }

    /// <summary>
    /// Until the dispatcher's LISTEN has committed (its connection is idle after it), so the enqueue below is announced
    /// to it; the listener's connection issues nothing else while it waits. The deadline only bounds a broken run.
    /// </summary>
    private static async Task WaitUntilListeningAsync(TestDatabase database)
    {
        var deadline = DateTime.UtcNow.AddSeconds(15);
        while (await database.ScalarAsync<long>(
            "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND state = 'idle' AND query = 'LISTEN ' || @channel",
            new { channel = EmailOutboxRepository.EmailChannel }) == 0)
        {
            Assert.IsLessThan(deadline, DateTime.UtcNow, "the dispatcher did not LISTEN within 15 s");
            await Task.Delay(50);
        }
    }
}
