using System.Globalization;
using GamePulse.Data.Conferences;
using GamePulse.Data.Games;
using GamePulse.Data.Leagues;
using GamePulse.Data.Site;
using GamePulse.Web.Caching;
using GamePulse.Web.Live;
using GamePulse.Web.Pages.Scores;
using GamePulse.Web.Pages.Shared;
using GamePulse.Web.Site;
using Htmx;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.Options;

namespace GamePulse.Web.Pages.Conferences;

/// <summary>A conference tournament's rounds, earliest first, as the feeds word them ("1st Round" … "Final").</summary>
public sealed record TournamentRoundGames(string Round, IReadOnlyList<GameSummary> Games);

/// <summary>
/// /{league}/conferences/{slug}/tournament/{season}: the conference's tournament of that season, round by round, live
/// updating like the scoreboard (HX-Request answers only the rounds).
/// </summary>
[OutputCache(PolicyName = PageCaching.PolicyName)]
public sealed class ConferenceTournamentModel(LeagueRepository leagues, ConferenceRepository conferences, GameRepository games, PageCaching caching, IOptions<SiteOptions> site, TimeProvider clock) : PageModel
{
    public League League { get; private set; } = null!;

    public Conference Conference { get; private set; } = null!;

    public int Season { get; private set; }

    public string Name { get; private set; } = "";

    public IReadOnlyList<TournamentRoundGames> Rounds { get; private set; } = [];

    public bool Polling { get; private set; }

    public async Task<IActionResult> OnGetAsync(string league, string slug, int season, CancellationToken cancellationToken)
    {
        if (!UrlSlug.IsPlausible(league) || !UrlSlug.IsPlausible(slug) || season is < SiteUrls.FirstYear or > SiteUrls.LastYear
            || await leagues.FindBySlugAsync(league, cancellationToken) is not { } found
            || await conferences.FindBySlugAsync(found.Id, slug, cancellationToken) is not { } conference)
        {
            return NotFound();
        }

        var names = (await games.GetConferenceTournamentsAsync(found.Id, conference.Id, cancellationToken)).Where(t => t.Season == season).Select(t => t.Name).ToList();
        var list = names.Count == 0 ? [] : await games.GetTournamentAsync(found.Id, season, names, cancellationToken);
        if (list.Count == 0)
        {
            return NotFound();
        }

        (League, Conference, Season, Name) = (found, conference, season, names[0]);
        Rounds = [.. list.GroupBy(g => g.TournamentRound ?? "Other games")
            .OrderBy(r => Tournaments.RoundOrder(r.Key)).ThenBy(r => r.Min(g => g.StartTime ?? DateTimeOffset.MaxValue))
            .Select(r => new TournamentRoundGames(r.Key, [.. r]))];
        var now = clock.GetUtcNow();
        Polling = LiveUpdates.ShouldPoll(list, now);
        var tags = list.Select(g => g.GameDate).Distinct().Select(d => GameChanges.Tag(found.Slug, d)).ToList();
        if (Request.IsHtmx())
        {
            return new LiveFragment("_ConferenceTournamentRounds", this, $"conference-tournament:{found.Slug}:{conference.Slug}:{season}", list, Polling).Respond(this, caching, tags, now);
        }

        caching.ForGames(HttpContext, tags, list, now, fragment: false);
        var year = season.ToString(CultureInfo.InvariantCulture);
        ViewData[PageSeo.ViewDataKey] = new PageSeo(
            $"{year} {Name} ({found.ShortName}) | {site.Value.Name}",
            $"The {year} {Name}: every {conference.Name} tournament game round by round, with seeds and live scores.",
            SiteUrls.ConferenceTournament(found.Slug, conference.Slug, season));
        return Page();
    }
}
