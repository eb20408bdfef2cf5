using System.Net;
using GamePulse.Tests.Support;
using GamePulse.Tests.Web;
using GamePulse.Tests.Web.Account;

namespace GamePulse.Tests.Nginx;

/// <summary>PostgreSQL stopped behind the whole stack: visitors get nginx's maintenance page, never the app's 500.</summary>
[TestClass]
public sealed class NginxOutageTests
{
    [TestMethod]
    public async Task With_the_database_down_anonymous_and_signed_in_visitors_get_the_maintenance_page()
    {
        var connectionString = await OutagePostgres.CreateDatabaseAsync();
        await using var database = TestDatabase.Over(connectionString + ";Pooling=false");
        await ScoreboardDay.SeedAsync(database);
        await using var stack = await NginxFrontedSite.StartAsync(connectionString);
        var cookies = new CookieContainer();
        using var member = SiteBrowser.Over(stack.Nginx.BaseAddress, cookies);
        await member.SignInAsync(database, "nginx-outage@example.com");
        using var anonymous = SiteBrowser.Over(stack.Nginx.BaseAddress);
        var token = await anonymous.AntiforgeryTokenAsync("/account/login");

        await OutagePostgres.StopAsync();
        try
        {
            // The member has not been seen since signing in, so the Web must check the session against the database.
            var responses = new Dictionary<string, HttpResponseMessage>
            {
                ["anonymous GET of an uncached team page"] = await anonymous.Http.GetAsync("/mens-college-basketball/teams/duke"),
                ["anonymous sign-in POST"] = await anonymous.Http.PostAsync("/account/login", new FormUrlEncodedContent(new Dictionary<string, string>
                {
                    ["Email"] = "someone@example.com",
                    ["__RequestVerificationToken"] = token,
                })),
                ["signed-in GET /account"] = await member.Http.GetAsync("/account"),
            };

            foreach (var (what, response) in responses)
            {
                using (response)
                {
                    Assert.AreEqual(HttpStatusCode.ServiceUnavailable, response.StatusCode, what);
                    StringAssert.Contains(await response.Content.ReadAsStringAsync(), "<h1>We'll be right back</h1>", $"{what}: nginx's maintenance page");
                    Assert.AreEqual("30", response.Headers.TryGetValues("Retry-After", out var retry) ? string.Join(",", retry) : null, $"{what}: Retry-After");
                }
            }
        }
        finally
        {
            await OutagePostgres.StartAsync();
        }
    }
}
