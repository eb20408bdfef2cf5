using GamePulse.Data.Accounts;
using GamePulse.Tests.Support;
using Npgsql;

namespace GamePulse.Tests.Data.Accounts;

[TestClass]
public sealed class RateLimitRepositoryTests
{
    [TestMethod]
    public async Task Concurrent_requests_from_several_instances_never_exceed_the_limit()
    {
        await using var database = await TestDatabase.CreateAsync();
        // Each "instance" has its own connection pool, as separate Web processes would.
        var instances = Enumerable.Range(0, 4).Select(_ => NpgsqlDataSource.Create(database.ConnectionString)).ToList();
        var limits = new[] { new RateLimit("login-email:abc", 3, TimeSpan.FromMinutes(15)), new RateLimit("login-ip:198.51.100.1", 20, TimeSpan.FromHours(1)) };

        var results = await Task.WhenAll(Enumerable.Range(0, 24).Select(i => new RateLimitRepository(instances[i % instances.Count]).TryAcquireAsync(limits)));

        Assert.AreEqual(3, results.Count(allowed => allowed));
        Assert.AreEqual(3L, await database.ScalarAsync<long>("SELECT count(*) FROM rate_limit_events WHERE bucket = 'login-email:abc'"));
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
        var repository = new RateLimitRepository(database.DataSource);
        var limit = new[] { new RateLimit("b", 1, TimeSpan.FromMinutes(15)) };

        Assert.IsTrue(await repository.TryAcquireAsync(limit));
        Assert.IsFalse(await repository.TryAcquireAsync(limit));
        await database.ExecuteAsync("UPDATE rate_limit_events SET occurred_at = now() - interval '16 minutes'");
        Assert.IsTrue(await repository.TryAcquireAsync(limit));
    }
}
