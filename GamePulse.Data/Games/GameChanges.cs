namespace GamePulse.Data.Games;

/// <summary>
/// How the Worker tells the Web that games changed: after committing an ingest it sends a PostgreSQL NOTIFY on
/// <see cref="Channel"/> for every league-day the payload touched, with <see cref="Tag"/> as the payload. The Web tags
/// every cached page and every shared day by the same string, so a notification evicts exactly what shows those games.
/// </summary>
public static class GameChanges
{
    public const string Channel = "gamepulse_games";

    /// <summary>"{league-slug}:{yyyy-MM-dd}": the NOTIFY payload and the cache tag of one league's games on one date.</summary>
    public static string Tag(string leagueSlug, DateOnly date) => string.Concat(leagueSlug, ":", EasternCalendar.Iso(date));

    /// <summary>Reads a payload written by <see cref="Tag"/>; anything else (another format, no date) is not one.</summary>
    public static bool TryParse(string? tag, out string leagueSlug, out DateOnly date)
    {
        leagueSlug = "";
        date = default;
        var colon = tag?.IndexOf(':') ?? -1;
        if (colon <= 0 || !EasternCalendar.TryParseIso(tag.AsSpan(colon + 1), out date))
        {
            return false;
        }

        leagueSlug = tag![..colon];
        return true;
    }
}
