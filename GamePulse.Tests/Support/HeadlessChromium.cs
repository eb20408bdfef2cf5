using Microsoft.Playwright;

namespace GamePulse.Tests.Support;

/// <summary>
/// Debian's Chromium driven by Playwright (browser downloads are impossible here: never `playwright install`). The
/// flags keep it from reaching out to Google's services, which this machine's closed network refuses.
/// </summary>
public static class HeadlessChromium
{
    public const string ExecutablePath = "/usr/bin/chromium";

    public static BrowserTypeLaunchOptions LaunchOptions => new()
    {
        ExecutablePath = File.Exists(ExecutablePath)
            ? ExecutablePath
            : throw new InvalidOperationException($"{ExecutablePath} is missing: apt-get install -y chromium (build/deps.sh does it as root)."),
        Headless = true,
        Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
    };
}
