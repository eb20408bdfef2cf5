using GamePulse.Tests.Support;

namespace GamePulse.Tests.Web;

/// <summary>One URL of every route the Web serves, over a database seeded with <see cref="ScoreboardDay"/>.</summary>
public static class SiteRoutes
{
    public const string Scoreboard = "/mens-college-basketball/scores/2025-03-08";

    /// <summary>Pages and endpoints that answer GET (and HEAD) only.</summary>
    public static IReadOnlyList<string> GetOnly(ScoreboardDay day) =>
    [
        "/",
        "/mens-college-basketball/scores",
        Scoreboard,
        $"/mens-college-basketball/games/{day.FinalId}",
        "/mens-college-basketball/teams/duke",
        "/mens-college-basketball/conferences/acc",
        "/admin",
        "/sitemap.xml",
        "/sitemaps/mens-college-basketball-pages.xml",
        "/sitemaps/mens-college-basketball-2025.xml",
        "/robots.txt",
        "/healthz",
        "/readyz",
    ];

    /// <summary>Pages that also take a POST (their forms).</summary>
    public static IReadOnlyList<string> WithForms { get; } =
    [
        "/account",
        "/account/login",
        "/account/check-email",
        "/account/verify",
        $"/account/follows/1",
        "/settings",
    ];

    public static IReadOnlyList<string> StaticFiles { get; } = ["/css/site.css", "/favicon.svg", "/img/og-default.png", "/lib/htmx/htmx.min.js", "/js/viewer-settings.js"];

    public static IReadOnlyList<string> All(ScoreboardDay day) => [.. GetOnly(day), .. WithForms, .. StaticFiles, "/error", "/no/such/page"];
}
