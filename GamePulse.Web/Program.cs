using GamePulse.Hosting;
using GamePulse.Web.Site;

return await StartupGuard.RunAsync("web", async () =>
{
    var app = WebHost.Build(args);
    await app.RunAsync();
    return 0;
});

/// <summary>Exposed so WebApplicationFactory can host the site in tests.</summary>
public partial class Program;
