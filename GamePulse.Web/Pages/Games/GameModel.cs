using System.Text.Json;
using GamePulse.Data.Games;
using GamePulse.Data.Site;
using GamePulse.Data.Viewing;
using GamePulse.Web.Caching;
using GamePulse.Web.Live;
using GamePulse.Web.Pages.Shared;
using GamePulse.Web.Site;
using GamePulse.Web.Viewing;
using Htmx;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.Options;

namespace GamePulse.Web.Pages.Games;

/// <summary>
/// /{league}/games/{id}/{away}-at-{home}-{date}: the id is the key; the rest of the path is for people and search
/// engines, so a missing or outdated slug (a team renamed, a game moved) answers 301 to the canonical path.
/// </summary>
[OutputCache(PolicyName = PageCaching.PolicyName)]
public sealed class GameModel(GameQuery query, PageCaching caching, IOptions<SiteOptions> site, TimeProvider clock) : PageModel
{
    public GameView View { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(string league, long id, string? slug, CancellationToken cancellationToken)
    {
        if (!UrlSlug.IsPlausible(league) || id <= 0)
        {
            return NotFound();
        }

        if (!GamePageQuery.TryRead(Request.Query, out var pageQuery))
        {
            return BadRequest();
        }

        var now = clock.GetUtcNow();
        if (await query.LoadAsync(id, league, now, cancellationToken, pageQuery) is not { } view)
        {
            return NotFound();
        }

        View = view;
        var game = view.Game;
        if (league != game.LeagueSlug || slug != SiteUrls.GameSlug(game))
        {
            return RedirectPermanent(HttpContext.KeepSpoilers(SiteUrls.Game(game))); // a shared spoiler-free link stays one
        }

        var tags = new[] { GameChanges.Tag(game.LeagueSlug, game.GameDate) };
        var viewer = HttpContext.ViewVariant();
        if (Request.IsHtmx())
        {
            // The detail changes without the game row (a play that scores nothing), and each view of the page is its own fragment.
            return new LiveFragment(LivePartial(viewer, game), view, $"game:{game.Id}:{view.Detail?.UpdatedAt.Ticks}:{pageQuery.ToQueryString()}", [game], view.Polling).Respond(this, caching, tags, now);
        }

        caching.ForGames(HttpContext, tags, [game], now, fragment: false);
        ViewData[PageSeo.ViewDataKey] = new PageSeo(GameText.Title(game, viewer), viewer.Hides(game) ? DescribeSpoilerFree(game, viewer) : Describe(game), SiteUrls.Game(game), "article")
        {
            JsonLd = JsonSerializer.Serialize(SportsEvent(game)),
            // A spoiler-free page previews the spoiler-free card, so a shared link does not give the result away.
            Image = ShareCards.ShareImage.ForGame(game, site.Value.Name, hideScore: viewer.HideSpoilers),
        };
        return Page();
    }

    /// <summary>The part live polling swaps: the full one, or the spoiler-free one (decision 0451).</summary>
    public static string LivePartial(ViewVariant viewer, GameSummary game) => viewer.Hides(game) ? "_GameSpoilerFree" : "_GameLive";

    /// <summary>A preview that says what kind of game it is, never who won or by how much.</summary>
    private static string DescribeSpoilerFree(GameSummary game, ViewVariant viewer)
    {
        var where = game.VenueName is { Length: > 0 } venue ? $" at {venue}" : "";
        var pulse = game.PulseScore is { } score ? $" Pulse {score}" + (viewer.Factors(game) is { Count: > 0 } factors ? $": {string.Join(", ", factors)}." : ".") : "";
        return $"{game.Away.DisplayName} {(game.NeutralSite ? "vs." : "at")} {game.Home.DisplayName} on {GameText.Date(game.GameDate)}{where}: {GameText.State(game, viewer)}.{pulse} {SpoilerFree.Note}";
    }

    private static string Describe(GameSummary game)
    {
        var where = game.VenueName is { Length: > 0 } venue ? $" at {venue}" : "";
        var when = GameText.Date(game.GameDate);
        return game.State switch
        {
            GameState.Final => $"{game.Away.DisplayName} {game.Away.Score}, {game.Home.DisplayName} {game.Home.Score} ({GameText.State(game)}) on {when}{where}. Line score and scoring changes.",
            GameState.Scheduled => $"{game.Away.DisplayName} {(game.NeutralSite ? "vs." : "at")} {game.Home.DisplayName} on {when}{where}{(game.Broadcast is { Length: > 0 } tv ? $", on {tv}" : "")}.",
            _ => $"{game.Away.DisplayName} vs. {game.Home.DisplayName}, {when}{where}: {GameText.State(game)}. Live score and line score.",
        };
    }

    private Dictionary<string, object> SportsEvent(GameSummary game)
    {
        var sportsEvent = new Dictionary<string, object>
        {
            ["@context"] = "https://schema.org",
            ["@type"] = "SportsEvent",
            ["name"] = $"{game.Away.DisplayName} {(game.NeutralSite ? "vs." : "at")} {game.Home.DisplayName}",
            ["sport"] = "Basketball",
            ["startDate"] = game.StartTime is { } start ? GameText.IsoEastern(start) : EasternCalendar.Iso(game.GameDate),
            ["eventStatus"] = "https://schema.org/" + game.State switch
            {
                GameState.Postponed => "EventPostponed",
                GameState.Canceled => "EventCancelled",
                _ => "EventScheduled",
            },
            ["homeTeam"] = Team(game.Home),
            ["awayTeam"] = Team(game.Away),
            ["url"] = site.Value.Absolute(SiteUrls.Game(game)),
        };
        if (game.VenueName is { Length: > 0 } venue)
        {
            var place = new Dictionary<string, object> { ["@type"] = "Place", ["name"] = venue };
            if (game.VenueCity is { Length: > 0 } city)
            {
                var address = new Dictionary<string, object> { ["@type"] = "PostalAddress", ["addressLocality"] = city, ["addressCountry"] = "US" };
                if (game.VenueState is { Length: > 0 } state)
                {
                    address["addressRegion"] = state;
                }

                place["address"] = address;
            }

            sportsEvent["location"] = place;
        }

        return sportsEvent;

        Dictionary<string, object> Team(GameTeam team) => team.IsKnown
            ? new()
            {
                ["@type"] = "SportsTeam",
                ["name"] = team.DisplayName,
                ["url"] = site.Value.Absolute(SiteUrls.Team(game.LeagueSlug, team.Slug)),
            }
            : new() { ["@type"] = "SportsTeam", ["name"] = team.DisplayName };
    }
}
