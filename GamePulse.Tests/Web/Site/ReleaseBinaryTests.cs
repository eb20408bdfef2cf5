using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using GamePulse.Tests.Support;

namespace GamePulse.Tests.Web.Site;

/// <summary>
/// The Web binary as the build leaves it (GamePulse.Web/bin/{configuration}/net10.0/GamePulse.Web, not `dotnet run`,
/// not a publish folder), started from another directory in Production: pages, settings and static files all work.
/// </summary>
[TestClass]
public sealed class ReleaseBinaryTests
{
    [TestMethod]
    public async Task The_built_web_binary_serves_pages_and_static_files_from_any_working_directory()
    {
        var connectionString = await PostgresServer.CreateDatabaseAsync();
        var configuration = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar)).Parent!.Name; // Release or Debug
        var executable = Path.Combine(RepositoryPaths.Root, "GamePulse.Web", "bin", configuration, "net10.0", "GamePulse.Web");
        Assert.IsTrue(File.Exists(executable), $"the build's binary at {executable}");
        var port = FreePort();
        var start = new ProcessStartInfo(executable)
        {
            WorkingDirectory = Path.GetTempPath(),
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment.Remove("ASPNETCORE_ENVIRONMENT");
        start.Environment.Remove("DOTNET_ENVIRONMENT");
        start.Environment["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}";
        start.Environment["ConnectionStrings__GamePulse"] = connectionString;
        start.Environment["Logging__MinimumLevel"] = "Warning";
        using var process = Process.Start(start)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            using var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}/") };
            await WaitUntilListeningAsync(client, process);

            using var home = await client.GetAsync("/");
            using var css = await client.GetAsync("/css/site.css");
            using var htmx = await client.GetAsync("/lib/htmx/htmx.min.js");
            using var robots = await client.GetAsync("/robots.txt");

            Assert.AreEqual(HttpStatusCode.OK, home.StatusCode, "GET /");
            Assert.AreEqual(HttpStatusCode.OK, css.StatusCode, "GET /css/site.css from wwwroot");
            Assert.AreEqual(HttpStatusCode.OK, htmx.StatusCode, "GET /lib/htmx/htmx.min.js (copied at build)");
            StringAssert.Contains(await robots.Content.ReadAsStringAsync(), "http://localhost:8080/sitemap.xml", "appsettings.json next to the binary was read");
        }
        finally
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }
    }

    private static async Task WaitUntilListeningAsync(HttpClient client, Process process)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            Assert.IsFalse(process.HasExited, $"the Web exited with {(process.HasExited ? process.ExitCode : 0)}");
            try
            {
                using var response = await client.GetAsync("/healthz");
                return;
            }
            catch (HttpRequestException) when (DateTime.UtcNow < deadline)
            {
                await Task.Delay(200);
            }
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
