using System.ComponentModel.DataAnnotations;

namespace GamePulse.Web.Caching;

/// <summary>How long pages are cached (section "PageCache"; e.g. PageCache__ServerSafetySeconds).</summary>
public sealed class PageCacheOptions
{
    public const string Section = "PageCache";

    /// <summary>Server-side output caching on/off (off only to measure its effect; bench/web).</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>
    /// Sharing each league-day's games between requests (<see cref="LeagueDayCache"/>), evicted by the same NOTIFY.
    /// Off only to measure its effect (bench/web): every render then queries PostgreSQL.
    /// </summary>
    public bool DataEnabled { get; set; } = true;

    /// <summary>Upper bound on how long the server keeps a rendered page when no NOTIFY evicts it first.</summary>
    [Range(1, 3600)]
    public int ServerSafetySeconds { get; set; } = 60;

    /// <summary>
    /// How long past its lifetime a cached page is still served while PostgreSQL is away (0 turns that off). The pages
    /// are kept in memory that much longer; the output cache's size limit (100 MB) is unchanged (decision 0206).
    /// </summary>
    [Range(0, 86_400)]
    public int OutageGraceSeconds { get; set; } = 900;

    /// <summary>Browser/CDN max-age while a page still has games that are not final.</summary>
    [Range(0, 300)]
    public int LiveMaxAgeSeconds { get; set; } = 15;

    /// <summary>stale-while-revalidate allowance while games are not final.</summary>
    [Range(0, 600)]
    public int LiveStaleWhileRevalidateSeconds { get; set; } = 30;

    /// <summary>Browser/CDN max-age once every game on the page is final (or postponed/canceled).</summary>
    [Range(60, 31_536_000)]
    public int SettledMaxAgeSeconds { get; set; } = 86_400;

    /// <summary>Max-age of pages that change slowly (team and conference pages, sitemaps).</summary>
    [Range(0, 86_400)]
    public int SlowMaxAgeSeconds { get; set; } = 300;
}
