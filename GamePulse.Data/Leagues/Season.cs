using GamePulse.Data.Games;

namespace GamePulse.Data.Leagues;

/// <summary>
/// A college-basketball season is named by the calendar year it ends in: November 2024 to April 2025 is season 2025,
/// and games from July on belong to the next season. Dates are US-Eastern game dates (<see cref="EasternCalendar"/>).
/// </summary>
public static class Season
{
    public const int FirstMonth = 7;

    public static int Of(DateOnly gameDate) => gameDate.Month >= FirstMonth ? gameDate.Year + 1 : gameDate.Year;

    /// <summary>The season of a game starting at this instant (its Eastern date decides, not the UTC one).</summary>
    public static int Of(DateTimeOffset start) => Of(EasternCalendar.DateOf(start));
}
