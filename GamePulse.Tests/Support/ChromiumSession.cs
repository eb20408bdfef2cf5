using Microsoft.Playwright;

namespace GamePulse.Tests.Support;

/// <summary>
/// Playwright and one launched Debian Chromium (<see cref="HeadlessChromium"/>) owned together, so a browser test class
/// starts and disposes them in one line each; each test opens its own context.
/// </summary>
public sealed class ChromiumSession : IAsyncDisposable
{
    private readonly IPlaywright playwright;
    private readonly IBrowser browser;

    private ChromiumSession(IPlaywright playwright, IBrowser browser) => (this.playwright, this.browser) = (playwright, browser);

    public static async Task<ChromiumSession> LaunchAsync()
    {
        var playwright = await Playwright.CreateAsync();
        try
        {
            return new ChromiumSession(playwright, await playwright.Chromium.LaunchAsync(HeadlessChromium.LaunchOptions));
        }
        catch
        {
            playwright.Dispose();
            throw;
        }
    }

    public Task<IBrowserContext> NewContextAsync(BrowserNewContextOptions? options = null) => browser.NewContextAsync(options);

    public async ValueTask DisposeAsync()
    {
        await browser.DisposeAsync();
        playwright.Dispose();
    }
}
