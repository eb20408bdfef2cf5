using GamePulse.Data.Accounts;
using GamePulse.Tests.Support;

namespace GamePulse.Tests.Data.Accounts;

/// <summary>The hourly cleanup's deletions, each in the repository that owns its table.</summary>
[TestClass]
public sealed class AccountCleanupTests
{
    [TestMethod]
    public async Task Sign_in_requests_go_a_day_after_they_expire()
    {
        await using var database = await TestDatabase.CreateAsync();
        await database.ExecuteAsync("""
            INSERT INTO login_requests (token_hash, code_hash, browser_id, email, expires_at) VALUES
                (sha256('old'), sha256('c'), sha256('b'), 'old@example.com', now() - interval '25 hours'),
                (sha256('recent'), sha256('c'), sha256('b'), 'recent@example.com', now() - interval '23 hours'),
                (sha256('live'), sha256('c'), sha256('b'), 'live@example.com', now() + interval '10 minutes')
            """);

        var removed = await database.InUnitOfWorkAsync(db => new LoginRequestRepository(database.Databases).DeleteExpiredAsync(db));

        Assert.AreEqual(1, removed, "requests removed");
        string[] expected = ["live@example.com", "recent@example.com"];
        CollectionAssert.AreEquivalent(expected,
            (await database.QueryAsync<string>("SELECT email FROM login_requests")).ToArray(), "requests kept");
    }

    [TestMethod]
    public async Task Sent_emails_go_after_a_week_failed_ones_after_30_days_and_waiting_ones_stay()
    {
        await using var database = await TestDatabase.CreateAsync();
        await database.ExecuteAsync("""
            INSERT INTO email_outbox (to_address, subject, text_body, html_body, status, sent_at, created_at) VALUES
                ('sent-old@example.com', 's', 't', 'h', 'sent', now() - interval '8 days', now() - interval '8 days'),
                ('sent-recent@example.com', 's', 't', 'h', 'sent', now() - interval '6 days', now() - interval '40 days'),
                ('failed-old@example.com', 's', 't', 'h', 'failed', NULL, now() - interval '31 days'),
                ('failed-recent@example.com', 's', 't', 'h', 'failed', NULL, now() - interval '29 days'),
                ('pending-old@example.com', 's', 't', 'h', 'pending', NULL, now() - interval '60 days')
            """);

        var removed = await database.InUnitOfWorkAsync(db => new EmailOutboxRepository(database.Databases).DeleteOldAsync(db));

        Assert.AreEqual(2, removed, "emails removed");
        string[] expected = ["sent-recent@example.com", "failed-recent@example.com", "pending-old@example.com"];
        CollectionAssert.AreEquivalent(expected,
            (await database.QueryAsync<string>("SELECT to_address FROM email_outbox")).ToArray(), "emails kept");
    }

    [TestMethod]
    public async Task Rate_limit_events_go_after_a_day()
    {
        await using var database = await TestDatabase.CreateAsync();
        await database.ExecuteAsync("""
            INSERT INTO rate_limit_events (bucket, occurred_at) VALUES
                ('old', now() - interval '25 hours'), ('recent', now() - interval '23 hours'), ('now', now())
            """);

        var removed = await database.InUnitOfWorkAsync(db => new RateLimitRepository().DeleteOldAsync(db));

        Assert.AreEqual(1, removed, "events removed");
        string[] expected = ["recent", "now"];
        CollectionAssert.AreEquivalent(expected, (await database.QueryAsync<string>("SELECT bucket FROM rate_limit_events")).ToArray(), "events kept");
    }
}
