using System.Net;
using GamePulse.Tests.Support;

namespace GamePulse.Tests.Web.Account;

[TestClass]
public sealed class SignInTraceIdTests : IAsyncDisposable
{
    private TestDatabase database = null!;

    [TestInitialize]
    public async Task Start() => database = await TestDatabase.CreateAsync();

    public async ValueTask DisposeAsync() => await database.DisposeAsync();

    [TestMethod]
    public async Task The_sign_in_email_carries_the_trace_id_of_the_request_that_queued_it()
    {
        const string traceId = "4bf92f3577b34da6a3ce929d0e0e4736";
        await using var site = new AccountSite(database.ConnectionString);
        using var browser = site.Browser();

        using var response = await browser.PostFormAsync("/account/login", "/account/login", new Dictionary<string, string> { ["Email"] = "traced@example.com" },
            new Dictionary<string, string> { ["traceparent"] = $"00-{traceId}-00f067aa0ba902b7-01" });
        using var untraced = await browser.RequestLinkAsync("other@example.com");

        Assert.AreEqual(HttpStatusCode.Redirect, response.StatusCode);
        Assert.AreEqual(traceId, await database.ScalarAsync<string>("SELECT trace_id FROM email_outbox WHERE to_address = 'traced@example.com'"));
        var other = await database.ScalarAsync<string>("SELECT trace_id FROM email_outbox WHERE to_address = 'other@example.com'");
        Assert.MatchesRegex("^[0-9a-f]{32}$", other, "a request without traceparent gets a trace id of its own");
        Assert.AreNotEqual(traceId, other);
    }
}
