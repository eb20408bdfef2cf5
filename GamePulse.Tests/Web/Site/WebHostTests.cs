using GamePulse.Hosting;
using GamePulse.Tests.Support;
using GamePulse.Web.Site;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace GamePulse.Tests.Web.Site;

[TestClass]
public sealed class WebHostTests
{
    [TestMethod]
    public async Task The_home_page_renders_the_seeded_leagues_from_the_database()
    {
        var connectionString = await PostgresServer.CreateDatabaseAsync();
        await using var factory = new WebApplicationFactory<Program>().WithWebHostBuilder(web => web
            .UseSetting("ConnectionStrings:GamePulse", connectionString)
            .UseSetting("Site:PublicBaseUrl", "https://gamepulse.test"));
        using var client = factory.CreateClient();

        var response = await client.GetAsync(new Uri("/", UriKind.Relative));
        var html = await response.Content.ReadAsStringAsync();

        Assert.AreEqual(200, (int)response.StatusCode);
        StringAssert.Contains(html, "NCAA Men&#x27;s Basketball");
        StringAssert.Contains(html, "NCAA Women&#x27;s Basketball");
    }

    [TestMethod]
    public async Task A_malformed_public_base_url_stops_start_up_with_one_line_naming_the_setting()
    {
        var connectionString = await PostgresServer.CreateDatabaseAsync();
        var errors = new StringWriter();
        var original = Console.Error;
        Console.SetError(errors);
        int exitCode;
        try
        {
            exitCode = await StartupGuard.RunAsync("web", async () =>
            {
                await using var app = WebHost.Build(["--urls=http://127.0.0.1:0", $"--ConnectionStrings:GamePulse={connectionString}", "--Site:PublicBaseUrl=not a url"]);
                await app.StartAsync();
                return 0;
            });
        }
        finally
        {
            Console.SetError(original);
        }

        Assert.AreEqual(78, exitCode);
        StringAssert.Contains(errors.ToString(), "Site__PublicBaseUrl must be an absolute http(s) URL");
    }
}
