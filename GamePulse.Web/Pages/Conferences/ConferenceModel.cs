using GamePulse.Data.Conferences;
using GamePulse.Data.Games;
using GamePulse.Data.Leagues;
using GamePulse.Data.Site;
using GamePulse.Web.Caching;
using GamePulse.Web.Pages.Shared;
using GamePulse.Web.Site;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.Options;

namespace GamePulse.Web.Pages.Conferences;

/// <summary>/{league}/conferences/{slug}: standings from final games, and links to every member team.</summary>
[OutputCache(PolicyName = PageCaching.PolicyName)]
public sealed class ConferenceModel(LeagueRepository leagues, ConferenceRepository conferences, ConferenceQuery query, GameRepository games, PageCaching caching, IOptions<SiteOptions> site, TimeProvider clock) : PageModel
{
    /// <summary>The conference's tournaments, newest season first: each links its page.</summary>
    public IReadOnlyList<ConferenceTournament> Tournaments { get; private set; } = [];

    public ConferenceView View { get; private set; } = null!;

    public League League { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(string league, string slug, CancellationToken cancellationToken)
    {
        if (!UrlSlug.IsPlausible(league) || !UrlSlug.IsPlausible(slug)
            || await leagues.FindBySlugAsync(league, cancellationToken) is not { } found
            || await conferences.FindBySlugAsync(found.Id, slug, cancellationToken) is not { } conference)
        {
            return NotFound();
        }

        League = found;
        var today = EasternCalendar.Today(clock);
        View = await query.LoadAsync(conference, Season.Of(today), cancellationToken);
        // Standings move when a game becomes final, which happens today or (after midnight) yesterday: the Worker's
        // NOTIFY for either league-day evicts the page. An older correction or a backfill waits for expiry.
        caching.Slow(HttpContext, [GameChanges.Tag(found.Slug, today), GameChanges.Tag(found.Slug, today.AddDays(-1))]);
        Tournaments = await games.GetConferenceTournamentsAsync(found.Id, conference.Id, cancellationToken);
        ViewData[PageSeo.ViewDataKey] = new PageSeo(
            $"{conference.Name} {found.ShortName} basketball standings {View.Season - 1}–{View.Season % 100:00} | {site.Value.Name}",
            $"{conference.Name} {found.Name} standings: conference and overall records of all {View.Standings.Count} teams, from final scores.",
            SiteUrls.Conference(found.Slug, conference.Slug));
        return Page();
    }
}
