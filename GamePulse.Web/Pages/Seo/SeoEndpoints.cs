using System.Globalization;
using System.Text;
using System.Xml;
using GamePulse.Data.Games;
using GamePulse.Data.Leagues;
using GamePulse.Data.Site;
using GamePulse.Web.Caching;
using GamePulse.Web.Pages.Shared;
using GamePulse.Web.Site;
using Microsoft.Extensions.Options;

namespace GamePulse.Web.Pages.Seo;

/// <summary>
/// /robots.txt, /sitemap.xml (an index) and its children: /sitemaps/{league}-{season}.xml (scoreboard dates, tournament pages and games)
/// and /sitemaps/{league}-pages.xml (teams and conferences). All URLs are absolute from Site:PublicBaseUrl.
/// </summary>
public static class SeoEndpoints
{
    private const string SitemapNs = "http://www.sitemaps.org/schemas/sitemap/0.9";

    // HEAD wherever GET: crawlers and monitors ask with HEAD first (Kestrel sends no body for it).
    private static readonly string[] GetAndHead = [HttpMethods.Get, HttpMethods.Head];

    public static IEndpointRouteBuilder MapSeo(this IEndpointRouteBuilder app)
    {
        app.MapMethods("/robots.txt", GetAndHead, (IOptions<SiteOptions> site) =>
            Results.Text($"User-agent: *\nAllow: /\n\nSitemap: {site.Value.Absolute(SiteUrls.SitemapIndex)}\n", "text/plain; charset=utf-8"));

        app.MapMethods(SiteUrls.SitemapIndex, GetAndHead, async (SitemapQuery query, IOptions<SiteOptions> site, PageCaching caching, HttpContext context, CancellationToken cancellationToken) =>
        {
            var (seasons, leagues) = await query.IndexAsync(cancellationToken);
            caching.Slow(context, []);
            return Xml(writer =>
            {
                writer.WriteStartElement("sitemapindex", SitemapNs);
                foreach (var league in leagues)
                {
                    Element(writer, "sitemap", site.Value.Absolute(SiteUrls.LeaguePagesSitemap(league.LeagueSlug)), league.LastModified);
                }

                foreach (var season in seasons)
                {
                    Element(writer, "sitemap", site.Value.Absolute(SiteUrls.SeasonSitemap(season.LeagueSlug, season.Season)), season.LastModified);
                }

                writer.WriteEndElement();
            });
        }).CacheOutput(PageCaching.PolicyName);

        app.MapMethods("/sitemaps/{file}", GetAndHead, async (string file, SitemapQuery query, LeagueRepository leagues, IOptions<SiteOptions> site, PageCaching caching, HttpContext context, CancellationToken cancellationToken) =>
        {
            if (!SiteUrls.TryParseSitemap(file, out var leagueSlug, out var season)
                || !UrlSlug.IsPlausible(leagueSlug) || await leagues.FindBySlugAsync(leagueSlug, cancellationToken) is not { } league)
            {
                return Results.NotFound();
            }

            caching.Slow(context, []);
            if (season is null)
            {
                var pages = await query.LeaguePagesAsync(league.Slug, cancellationToken);
                // The rankings change with every ranked game, so they take the newest page's lastmod.
                var rankings = (site.Value.Absolute(SiteUrls.Rankings(league.Slug)), pages.Select(p => p.LastModified).DefaultIfEmpty(DateTimeOffset.UnixEpoch).Max());
                return UrlSet(pages.Select(p => (site.Value.Absolute(p.Path(league.Slug)), p.LastModified)).Prepend(rankings));
            }

            var games = await query.SeasonAsync(league.Slug, season.Value, cancellationToken);
            if (games.Count == 0)
            {
                return Results.NotFound();
            }

            var dates = games.GroupBy(g => g.GameDate)
                .Select(d => (site.Value.Absolute(SiteUrls.Scoreboard(league.Slug, d.Key)), d.Max(g => g.UpdatedAt)));
            var gamePages = games.Select(g => (site.Value.Absolute(SiteUrls.Game(league.Slug, g.Id, g.AwaySlug, g.HomeSlug, g.NeutralSite, g.GameDate)), g.UpdatedAt));
            // The season's NCAA Tournament bracket, once the feeds list its games.
            var bracket = games.Where(g => g.Tournament == Tournaments.Ncaa).GroupBy(_ => true)
                .Select(t => (site.Value.Absolute(SiteUrls.Tournament(league.Slug, season.Value)), t.Max(g => g.UpdatedAt)));
            var conferenceTournaments = games.Where(g => g.ConferenceTournamentSlug is not null).GroupBy(g => g.ConferenceTournamentSlug!)
                .OrderBy(t => t.Key, StringComparer.Ordinal)
                .Select(t => (site.Value.Absolute(SiteUrls.ConferenceTournament(league.Slug, t.Key, season.Value)), t.Max(g => g.UpdatedAt)));
            return UrlSet(dates.Concat(bracket).Concat(conferenceTournaments).Concat(gamePages));
        }).CacheOutput(PageCaching.PolicyName);

        return app;
    }

    private static IResult UrlSet(IEnumerable<(string Url, DateTimeOffset LastModified)> urls) => Xml(writer =>
    {
        writer.WriteStartElement("urlset", SitemapNs);
        foreach (var (url, lastModified) in urls)
        {
            Element(writer, "url", url, lastModified);
        }

        writer.WriteEndElement();
    });

    private static void Element(XmlWriter writer, string name, string url, DateTimeOffset lastModified)
    {
        writer.WriteStartElement(name, SitemapNs);
        writer.WriteElementString("loc", SitemapNs, url);
        writer.WriteElementString("lastmod", SitemapNs, lastModified.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture));
        writer.WriteEndElement();
    }

    private static IResult Xml(Action<XmlWriter> write)
    {
        var buffer = new StringBuilder();
        using (var writer = XmlWriter.Create(buffer, new XmlWriterSettings { Encoding = Encoding.UTF8, Indent = false }))
        {
            writer.WriteStartDocument();
            write(writer);
            writer.WriteEndDocument();
        }

        // StringBuilder output declares utf-16; the bytes we send are UTF-8.
        return Results.Text(buffer.ToString().Replace("encoding=\"utf-16\"", "encoding=\"utf-8\"", StringComparison.Ordinal), "application/xml; charset=utf-8");
    }
}
