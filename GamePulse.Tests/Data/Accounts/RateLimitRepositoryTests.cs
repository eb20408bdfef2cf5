using GamePulse.Data;
using GamePulse.Data.Accounts;
using GamePulse.Tests.Support;
using Npgsql;

namespace GamePulse.Tests.Data.Accounts;

[TestClass]
public sealed class RateLimitRepositoryTests
{
    /// <summary>As the sign-in page takes a limit: in its request's transaction, committed only when allowed.</summary>
    private static async Task<bool> TryAcquireAsync(GamePulseDbFactory databases, IReadOnlyList<RateLimit> limits)
    {
        await using var db = databases.Open();
        await using var transaction = await db.BeginTransactionAsync();
        var allowed = await new RateLimitRepository().TryAcquireAsync(db, limits);
        if (allowed)
        {
            await transaction.CommitAsync();
        }

        return allowed;
    }

    [TestMethod]
    public async Task Concurrent_requests_from_several_instances_never_exceed_the_limit()
    {
        await using var database = await TestDatabase.CreateAsync();
        // Each "instance" has its own connection pool, as separate Web processes would.
        var instances = Enumerable.Range(0, 4).Select(_ => NpgsqlDataSource.Create(database.ConnectionString)).ToList();
        var databases = instances.Select(instance => new GamePulseDbFactory(instance)).ToList();
        var limits = new[] { new RateLimit("login-email:abc", 3, TimeSpan.FromMinutes(15)), new RateLimit("login-ip:198.51.100.1", 20, TimeSpan.FromHours(1)) };

        var results = await Task.WhenAll(Enumerable.Range(0, 24).Select(i => TryAcquireAsync(databases[i % databases.Count], limits)));

        Assert.AreEqual(3, results.Count(allowed => allowed), "allowed requests");
        Assert.AreEqual(3L, await database.ScalarAsync<long>("SELECT count(*) FROM rate_limit_events WHERE bucket = 'login-email:abc'"), "events in the email bucket");
        Assert.AreEqual(3L, await database.ScalarAsync<long>("SELECT count(*) FROM rate_limit_events WHERE bucket = 'login-ip:198.51.100.1'"), "a refused request records nothing");
        foreach (var instance in instances)
        {
            await instance.DisposeAsync();
        }
    }

    [TestMethod]
    public async Task Only_events_inside_the_window_count()
    {
        await using var database = await TestDatabase.CreateAsync();
        var limit = new[] { new RateLimit("b", 1, TimeSpan.FromMinutes(15)) };

        Assert.IsTrue(await TryAcquireAsync(database.Databases, limit), "the first event is under the limit");
        Assert.IsFalse(await TryAcquireAsync(database.Databases, limit), "the second is over it");
        await database.ExecuteAsync("UPDATE rate_limit_events SET occurred_at = now() - interval '16 minutes'");
        Assert.IsTrue(await TryAcquireAsync(database.Databases, limit), "an event outside the window no longer counts");
    }

    [TestMethod]
    public async Task A_limit_taken_outside_a_transaction_is_refused_before_it_counts_anything()
    {
        await using var database = await TestDatabase.CreateAsync();
        await using var db = database.Databases.Open();

        // Without a transaction the advisory locks would be released at once, and two instances could both take the last slot.
        await Assert.ThrowsExactlyAsync<InvalidOperationException>(() => new RateLimitRepository().TryAcquireAsync(db, [new RateLimit("b", 1, TimeSpan.FromMinutes(15))]));
        Assert.AreEqual(0L, await database.ScalarAsync<long>("SELECT count(*) FROM rate_limit_events"), "nothing recorded");
    }
}
