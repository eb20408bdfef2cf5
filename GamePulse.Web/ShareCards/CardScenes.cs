using GamePulse.Data.Games;
using GamePulse.Data.Leagues;
using GamePulse.Web.Pages.Shared;
using GamePulse.Web.Pages.Teams;

namespace GamePulse.Web.ShareCards;

/// <summary>
/// What each card shows, from the games the pages already read: the same words as the site (GameText, PulseText), so
/// the preview says what the page says. Times are US-Eastern, as everywhere on the site.
/// </summary>
public static class CardScenes
{
    /// <summary>The day card lists the day's best games by Pulse, at most this many.</summary>
    public const int DayRows = 4;

    /// <summary>The team card lists the team's latest results and its next game, at most this many.</summary>
    public const int TeamRows = 3;

    private const string DefaultColor = "8a8f98";

    public static MatchupScene Game(GameSummary game, string siteName, bool hideScore)
    {
        var showScores = ShowsScores(game) && !hideScore;
        var final = game.State == GameState.Final;
        var scheduled = game.State == GameState.Scheduled;
        return new MatchupScene(
            siteName, hideScore, Headline(game), Side(game.Away, game.Home, showScores && final), Side(game.Home, game.Away, showScores && final),
            game.NeutralSite,
            StateLine(game, hideScore),
            scheduled && game.StartTime is { } start ? GameText.StartDateTime(start) : scheduled ? $"{GameText.ShortDate(game.GameDate)}, time TBA" : null,
            showScores,
            PulseText.Shows(game) ? game.PulseScore : null,
            // A factor can give the result away ("Won by 20"); the spoiler-free card keeps only the number.
            hideScore || !PulseText.Shows(game) ? null : game.PulseFactors?.FirstOrDefault());
    }

    public static ListScene Day(League league, DateOnly date, IReadOnlyList<GameSummary> games, string siteName, bool hideScore)
    {
        var top = games.Where(g => g.State is not (GameState.Postponed or GameState.Canceled))
            .OrderByDescending(g => g.PulseScore ?? -1).ThenBy(g => g.StartTime).ThenBy(g => g.Id).Take(DayRows);
        var count = games.Count;
        return new ListScene(siteName, hideScore, $"{league.Name} · {GameText.Date(date)}",
            count == 1 ? "1 game · top by Pulse" : $"{count} games · top {Math.Min(count, DayRows)} by Pulse",
            null, [.. top.Select(g => Row(g, hideScore))]);
    }

    /// <summary>A team's card: its name and record, its game now or next, then its latest results.</summary>
    public static ListScene Team(TeamView view, League league, string siteName, bool hideScore)
    {
        var team = view.Team;
        var next = view.Upcoming.OrderBy(g => g.IsInProgress ? 0 : 1).ThenBy(g => g.StartTime).Take(1);
        var rows = next.Concat(view.Results).Take(TeamRows).Select(g => Row(g, hideScore));
        // The team as its games name it (with the stored logo's URL); a team without games gets its colour disc.
        var asPlayed = view.Games.Select(g => g.Home.Id == team.Id ? g.Home : g.Away).FirstOrDefault(t => t.Id == team.Id)
            ?? new GameTeam(team.Id, team.Slug, team.DisplayName, team.ShortName, team.Abbreviation, team.PrimaryColor, null, null, null, null, null, team.ConferenceId, null);
        var header = Side(asPlayed with { ShortName = team.DisplayName, Rank = null, Seed = null, Record = null }, asPlayed, false);
        var record = view.Overall.Wins + view.Overall.Losses > 0 && !hideScore ? $" · {view.Overall} overall" : "";
        return new ListScene(siteName, hideScore, team.DisplayName, $"{league.Name} · {view.Season - 1}–{view.Season % 100:00}{record}", header, [.. rows]);
    }

    private static CardRow Row(GameSummary game, bool hideScore)
    {
        var showScores = ShowsScores(game) && !hideScore;
        var final = game.State == GameState.Final;
        return new CardRow(Side(game.Away, game.Home, showScores && final), Side(game.Home, game.Away, showScores && final),
            game.State == GameState.Scheduled && game.StartTime is { } start ? GameText.StartDateTime(start) : StateLine(game, hideScore),
            PulseText.Shows(game) ? game.PulseScore : null, showScores);
    }

    private static bool ShowsScores(GameSummary game) => game.Home.Score is not null && game.Away.Score is not null
        && game.State is not (GameState.Scheduled or GameState.Postponed or GameState.Canceled);

    /// <summary>"Final", "Final OT", "Halftime", "2nd 10:12", "7:00 PM ET"; spoiler-free, a final is just "Final" (overtime tells how close it was).</summary>
    private static string StateLine(GameSummary game, bool hideScore) =>
        hideScore && game.State == GameState.Final ? "Final" : GameText.State(game);

    private static string Headline(GameSummary game)
    {
        if (game.TournamentRound is { Length: > 0 } round)
        {
            var tournament = game.Tournament is { Length: > 0 } name ? name : "Tournament";
            return game.TournamentRegion is { Length: > 0 } region ? $"{tournament} · {region} · {round}" : $"{tournament} · {round}";
        }

        return game.LeagueSlug.StartsWith("womens", StringComparison.Ordinal) ? "Women's college basketball" : "Men's college basketball";
    }

    private static CardSide Side(GameTeam team, GameTeam opponent, bool final) => new(
        team.ShortName,
        Abbreviate(team),
        team.Color is { Length: 6 } color ? color : DefaultColor,
        team.Rank, team.Seed, team.Record,
        team.Score,
        final && team.Score > opponent.Score,
        team.IsKnown && team.LogoUrl is not null ? team.Id : null,
        team.LogoUrl);

    private static string Abbreviate(GameTeam team) =>
        team.Abbreviation is { Length: > 0 } abbreviation ? abbreviation
        : team.ShortName.Length <= 4 ? team.ShortName.ToUpperInvariant() : team.ShortName[..4].ToUpperInvariant();
}
