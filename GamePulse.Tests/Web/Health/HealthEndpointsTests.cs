using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using GamePulse.Tests.Support;
using GamePulse.Tests.Web.Admin;

namespace GamePulse.Tests.Web.Health;

[TestClass]
public sealed class HealthEndpointsTests
{
    [TestMethod]
    public async Task Readyz_reports_each_check_healthy_on_a_migrated_database()
    {
        // Both leagues ingested a minute ago, so the ingest freshness check is healthy too (IngestFreshnessTests has the rest).
        await using var database = await TestDatabase.CreateAsync();
        await database.RecordFreshRunsAsync();
        await using var web = await WebAppServer.StartAsync(database.ConnectionString);
        using var client = new HttpClient { BaseAddress = web.BaseAddress };

        using var response = await client.GetAsync(new Uri("/readyz", UriKind.Relative));
        var body = await ReadJsonAsync(response);

        Assert.AreEqual(HttpStatusCode.OK, response.StatusCode);
        Assert.AreEqual("application/json; charset=utf-8", response.Content.Headers.ContentType!.ToString());
        Assert.AreEqual("no-store", response.Headers.CacheControl!.ToString());
        Assert.AreEqual("healthy", body.GetProperty("status").GetString());
        var checks = body.GetProperty("checks");
        Assert.AreEqual("healthy", checks.GetProperty("database").GetProperty("status").GetString());
        Assert.AreEqual("healthy", checks.GetProperty("migrations").GetProperty("status").GetString());
    }

    [TestMethod]
    public async Task Readyz_is_503_naming_the_migrations_check_when_the_database_was_never_migrated()
    {
        var connectionString = await PostgresServer.CreateEmptyDatabaseAsync();
        await using var web = await WebAppServer.StartAsync(connectionString);
        using var client = new HttpClient { BaseAddress = web.BaseAddress };

        using var response = await client.GetAsync(new Uri("/readyz", UriKind.Relative));
        var body = await ReadJsonAsync(response);

        Assert.AreEqual(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        await using (var dataSource = Npgsql.NpgsqlDataSource.Create(connectionString))
        await using (var tables = dataSource.CreateCommand("SELECT count(*) FROM pg_class WHERE relnamespace = 'public'::regnamespace"))
        {
            Assert.AreEqual(0L, await tables.ExecuteScalarAsync(), "the check created nothing (FluentMigrator's loader would create its version table)");
        }

        Assert.AreEqual("unhealthy", body.GetProperty("status").GetString());
        var checks = body.GetProperty("checks");
        Assert.AreEqual("healthy", checks.GetProperty("database").GetProperty("status").GetString());
        Assert.AreEqual("unhealthy", checks.GetProperty("migrations").GetProperty("status").GetString());
        StringAssert.Contains(checks.GetProperty("migrations").GetProperty("description").GetString(), "GamePulse.Worker migrate");
    }

    [TestMethod]
    public async Task With_the_database_down_readyz_is_503_without_leaking_the_error_while_healthz_stays_200()
    {
        var closedPort = ClosedPort();
        await using var web = await WebAppServer.StartAsync($"Host=127.0.0.1;Port={closedPort};Username=gamepulse;Database=nowhere;Timeout=2");
        using var client = new HttpClient { BaseAddress = web.BaseAddress };

        using var ready = await client.GetAsync(new Uri("/readyz", UriKind.Relative));
        var readyText = await ready.Content.ReadAsStringAsync();
        using var live = await client.GetAsync(new Uri("/healthz", UriKind.Relative));
        var liveBody = await ReadJsonAsync(live);

        Assert.AreEqual(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
        var checks = JsonDocument.Parse(readyText).RootElement.GetProperty("checks");
        Assert.AreEqual("unhealthy", checks.GetProperty("database").GetProperty("status").GetString());
        Assert.AreEqual("cannot reach the database", checks.GetProperty("database").GetProperty("description").GetString());
        Assert.DoesNotContain(closedPort.ToString(CultureInfo.InvariantCulture), readyText, "the public body must not carry connection details");
        Assert.DoesNotContain("Exception", readyText);

        Assert.AreEqual(HttpStatusCode.OK, live.StatusCode);
        Assert.AreEqual("healthy", liveBody.GetProperty("status").GetString());
        Assert.AreEqual(0, liveBody.GetProperty("checks").EnumerateObject().Count(), "liveness runs no dependency checks");
    }

    private static async Task<JsonElement> ReadJsonAsync(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

    // A port that nothing listens on: bound once, then released.
    private static int ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
