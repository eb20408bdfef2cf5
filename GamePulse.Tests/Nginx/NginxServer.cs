using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using GamePulse.Tests.Support;

namespace GamePulse.Tests.Nginx;

/// <summary>
/// Debian's nginx running the repository's configuration (nginx/nginx.conf + templates rendered by
/// nginx/test/render.sh, plain HTTP variant) on a free loopback port, in front of an upstream on 127.0.0.1.
/// Everything it writes (config, cache, temp files, logs, pid) lives in one temporary directory.
/// </summary>
public sealed class NginxServer : IAsyncDisposable
{
    public const string Executable = "/usr/sbin/nginx";

    private readonly Process process;
    private readonly DirectoryInfo directory;

    private NginxServer(Process process, DirectoryInfo directory, int port)
    {
        this.process = process;
        this.directory = directory;
        BaseAddress = new Uri($"http://127.0.0.1:{port}/");
    }

    public Uri BaseAddress { get; }

    public string ErrorLog => ReadIfExists(Path.Combine(directory.FullName, "error.log"));

    public string AccessLog => ReadIfExists(Path.Combine(directory.FullName, "access.log"));

    public static async Task<NginxServer> StartAsync(int upstreamPort)
    {
        if (!File.Exists(Executable))
        {
            Assert.Fail($"nginx is not installed ({Executable} is missing): apt-get install nginx-light (build/deps.sh installs it).");
        }

        var directory = Directory.CreateTempSubdirectory("gamepulse-nginx-");
        var port = FreePort();
        await RunAsync("bash", [Path.Combine(RepositoryPaths.Root, "nginx", "test", "render.sh"), directory.FullName, "plain"], new()
        {
            ["GAMEPULSE_WEB_UPSTREAM"] = $"127.0.0.1:{upstreamPort}",
            ["NGINX_LISTEN_PORT"] = port.ToString(),
        });

        var dir = directory.FullName;
        var start = new ProcessStartInfo(Executable) { RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var argument in new[] { "-p", dir, "-c", $"{dir}/nginx.conf", "-e", $"{dir}/error.log", "-g", $"pid {dir}/nginx.pid; daemon off;" })
        {
            start.ArgumentList.Add(argument);
        }

        var process = Process.Start(start)!;
        var server = new NginxServer(process, directory, port);
        await server.WaitUntilListeningAsync(port);
        return server;
    }

    public async ValueTask DisposeAsync()
    {
        if (!process.HasExited)
        {
            // SIGTERM: fast shutdown of the master and its workers (killing only the master would orphan the workers).
            await RunAsync("kill", ["-TERM", process.Id.ToString()], []);
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            try
            {
                await process.WaitForExitAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
            }
        }

        process.Dispose();
        directory.Delete(recursive: true);
    }

    private async Task WaitUntilListeningAsync(int port)
    {
        for (var attempt = 0; attempt < 100; attempt++)
        {
            if (process.HasExited)
            {
                Assert.Fail($"nginx exited with {process.ExitCode}: {await process.StandardError.ReadToEndAsync()} {ErrorLog}");
            }

            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync(IPAddress.Loopback, port);
                return;
            }
            catch (SocketException)
            {
                await Task.Delay(50);
            }
        }

        Assert.Fail($"nginx did not listen on port {port} within 5 s: {ErrorLog}");
    }

    private static string ReadIfExists(string path) => File.Exists(path) ? File.ReadAllText(path) : "";

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static async Task RunAsync(string file, string[] arguments, Dictionary<string, string> environment)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync();
        await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{file} {string.Join(' ', arguments)} failed ({process.ExitCode}): {await stderr}");
        }
    }
}
