using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using GamePulse.Tests.Support;

namespace GamePulse.Tests.Nginx;

/// <summary>
/// Debian's nginx running the repository's configuration (nginx/nginx.conf + templates rendered by
/// nginx/test/render.sh, the plain HTTP variant or the production TLS one with a self-signed certificate) on free
/// loopback ports, in front of an upstream on 127.0.0.1.
/// Everything it writes (config, cache, temp files, logs, pid) lives in one temporary directory.
/// </summary>
public sealed class NginxServer : IAsyncDisposable
{
    public const string Executable = "/usr/sbin/nginx";

    private readonly Process process;
    private readonly DirectoryInfo directory;

    private NginxServer(Process process, DirectoryInfo directory, int port, int? tlsPort)
    {
        this.process = process;
        this.directory = directory;
        BaseAddress = new Uri($"http://127.0.0.1:{port}/");
        TlsBaseAddress = tlsPort is { } tls ? new Uri($"https://127.0.0.1:{tls}/") : null;
    }

    public Uri BaseAddress { get; }

    /// <summary>The HTTPS server of the TLS variant (null for the plain one).</summary>
    public Uri? TlsBaseAddress { get; }

    public string ErrorLog => ReadIfExists(Path.Combine(directory.FullName, "error.log"));

    public string AccessLog => ReadIfExists(Path.Combine(directory.FullName, "access.log"));

    /// <param name="variant">"plain" (the local and CI site) or "tls" (production: port 80 redirects, TLS on a second port).</param>
    public static async Task<NginxServer> StartAsync(int upstreamPort, string variant = "plain")
    {
        if (!File.Exists(Executable))
        {
            Assert.Fail($"nginx is not installed ({Executable} is missing): apt-get install nginx-light (build/deps.sh installs it).");
        }

        var directory = Directory.CreateTempSubdirectory("gamepulse-nginx-");
        var port = FreePort();
        int? tlsPort = variant == "tls" ? FreePort() : null;
        await RunAsync("bash", [Path.Combine(RepositoryPaths.Root, "nginx", "test", "render.sh"), directory.FullName, variant], new()
        {
            ["GAMEPULSE_WEB_UPSTREAM"] = $"127.0.0.1:{upstreamPort}",
            ["NGINX_LISTEN_PORT"] = port.ToString(CultureInfo.InvariantCulture),
            ["NGINX_TLS_LISTEN_PORT"] = (tlsPort ?? FreePort()).ToString(CultureInfo.InvariantCulture),
        });

        var dir = directory.FullName;
        var start = new ProcessStartInfo(Executable) { RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var argument in new[] { "-p", dir, "-c", $"{dir}/nginx.conf", "-e", $"{dir}/error.log", "-g", $"pid {dir}/nginx.pid; daemon off;" })
        {
            start.ArgumentList.Add(argument);
        }

        var process = Process.Start(start)!;
        var server = new NginxServer(process, directory, port, tlsPort);
        await server.WaitUntilListeningAsync(tlsPort ?? port);
        return server;
    }

    public async ValueTask DisposeAsync()
    {
        if (!process.HasExited)
        {
            // SIGTERM: fast shutdown of the master and its workers (killing only the master would orphan the workers).
            await RunAsync("kill", ["-TERM", process.Id.ToString(CultureInfo.InvariantCulture)], []);
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
