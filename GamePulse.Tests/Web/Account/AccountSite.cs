using System.Net;
using System.Text.RegularExpressions;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace GamePulse.Tests.Web.Account;

/// <summary>The real Web application over a test database (in-memory transport; the browser tests use Kestrel).</summary>
public sealed class AccountSite(string connectionString, string environment = "Development") : WebApplicationFactory<Program>
{
    public const string PublicBaseUrl = "https://gamepulse.test";
    public const string AdminEmail = "boss@example.com";

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(environment);
        builder.UseSetting("ConnectionStrings:GamePulse", connectionString);
        builder.UseSetting("Site:PublicBaseUrl", PublicBaseUrl);
        builder.UseSetting("Admin:Emails", $"someone@example.org, {AdminEmail}");
        builder.UseSetting("Logging:MinimumLevel", "Warning");
    }

    /// <summary>A cookie-keeping client that does not follow redirects, so tests see each answer.</summary>
    public SiteBrowser Browser(string baseAddress = "http://localhost") =>
        new(CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true, BaseAddress = new Uri(baseAddress) }));
}

/// <summary>Fetches pages and submits their forms with the antiforgery token, as a browser would.</summary>
public sealed partial class SiteBrowser(HttpClient http) : IDisposable
{
    private static readonly HtmlParser Parser = new();

    public HttpClient Http => http;

    /// <summary>A browser over real sockets (Kestrel, nginx): keeps cookies, follows no redirects.</summary>
    public static SiteBrowser Over(Uri baseAddress, CookieContainer? cookies = null) =>
        new(new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = true, CookieContainer = cookies ?? new CookieContainer() })
        {
            BaseAddress = baseAddress,
        });

    /// <summary>Asks for a link, reads it from the outbox as the Worker would send it, and confirms it.</summary>
    public async Task SignInAsync(Support.TestDatabase database, string email)
    {
        using var request = await RequestLinkAsync(email);
        Assert.AreEqual(HttpStatusCode.Redirect, request.StatusCode, $"asking for a link for {email}: {await request.Content.ReadAsStringAsync()}");
        using var confirm = await ConfirmAsync(TokenIn(await LatestEmailTextAsync(database, email)));
        Assert.AreEqual(HttpStatusCode.Redirect, confirm.StatusCode, $"confirming the link for {email}");
    }

    public static async Task<string> LatestEmailTextAsync(Support.TestDatabase database, string email) =>
        (await database.QueryAsync<string>("SELECT text_body FROM email_outbox WHERE to_address = @email ORDER BY id DESC LIMIT 1", new { email })).Single();

    public async Task<(HttpResponseMessage Response, IHtmlDocument Document)> GetAsync(string url)
    {
        var response = await http.GetAsync(url);
        return (response, Parser.ParseDocument(await response.Content.ReadAsStringAsync()));
    }

    /// <summary>Loads <paramref name="pageUrl"/>, then posts to <paramref name="postUrl"/> with that page's antiforgery token and the fields.</summary>
    public async Task<HttpResponseMessage> PostFormAsync(string pageUrl, string postUrl, IDictionary<string, string> fields, Dictionary<string, string>? headers = null)
    {
        var token = await AntiforgeryTokenAsync(pageUrl);
        var values = new Dictionary<string, string>(fields) { ["__RequestVerificationToken"] = token };
        using var request = new HttpRequestMessage(HttpMethod.Post, postUrl) { Content = new FormUrlEncodedContent(values) };
        foreach (var (name, value) in headers ?? [])
        {
            request.Headers.Add(name, value);
        }

        return await http.SendAsync(request);
    }

    public async Task<string> AntiforgeryTokenAsync(string pageUrl)
    {
        var (response, document) = await GetAsync(pageUrl);
        var input = document.QuerySelector("input[name=__RequestVerificationToken]") as IHtmlInputElement
            ?? throw new AssertFailedException($"no antiforgery token on {pageUrl} ({(int)response.StatusCode})");
        return input.Value;
    }

    public Task<HttpResponseMessage> RequestLinkAsync(string email, string? returnUrl = null) =>
        PostFormAsync("/account/login", returnUrl is null ? "/account/login" : $"/account/login?returnUrl={Uri.EscapeDataString(returnUrl)}", new Dictionary<string, string> { ["Email"] = email });

    public Task<HttpResponseMessage> ConfirmAsync(string token, string? returnUrl = null) =>
        PostFormAsync("/account/check-email", "/account/verify" + (returnUrl is null ? "" : $"?returnUrl={Uri.EscapeDataString(returnUrl)}"), new Dictionary<string, string> { ["Token"] = token });

    public Task<HttpResponseMessage> TypeCodeAsync(string code) =>
        PostFormAsync("/account/check-email", "/account/check-email", new Dictionary<string, string> { ["Code"] = code });

    public async Task<bool> IsSignedInAsync()
    {
        using var response = await http.GetAsync("/account");
        return response.StatusCode == HttpStatusCode.OK;
    }

    public void Dispose() => http.Dispose();

    /// <summary>The token in a sign-in email's link.</summary>
    public static string TokenIn(string emailText) => LinkToken().Match(emailText) is { Success: true } m ? m.Groups[1].Value : throw new AssertFailedException("no link in the email");

    /// <summary>The 8-digit code in a sign-in email ("1234 5678" → "12345678").</summary>
    public static string CodeIn(string emailText) => Code().Match(emailText) is { Success: true } m ? m.Groups[1].Value + m.Groups[2].Value : throw new AssertFailedException("no code in the email");

    [GeneratedRegex(@"/account/verify\?token=([A-Za-z0-9_-]+)")]
    private static partial Regex LinkToken();

    [GeneratedRegex(@"asked to sign in: (\d{4}) (\d{4})")]
    private static partial Regex Code();
}

public static class AccountDatabaseExtensions
{
    public static GamePulse.Data.Accounts.FollowRepository Follows(this Support.TestDatabase database) => new(database.Databases);
}
