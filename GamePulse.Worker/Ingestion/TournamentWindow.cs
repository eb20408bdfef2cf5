using System.Globalization;

namespace GamePulse.Worker.Ingestion;

/// <summary>
/// The days of every year (month and day, start and end included) on which the postseason is played: from the week of
/// Selection Sunday to the final. A window that wraps the new year is not needed (the season ends in April), so the
/// start is never after the end.
/// </summary>
public sealed record TournamentWindow(int StartMonth, int StartDay, int EndMonth, int EndDay)
{
    public const string MonthDayPattern = "^[0-9]{2}-[0-9]{2}$";

    public bool Contains(DateOnly date)
    {
        var day = (date.Month * 100) + date.Day;
        return day >= (StartMonth * 100) + StartDay && day <= (EndMonth * 100) + EndDay;
    }

    public static TournamentWindow Parse(string start, string end) =>
        TryParse(start, end, out var window) ? window : throw new FormatException($"Not a tournament window: '{start}' to '{end}'.");

    public static bool TryParse(string? start, string? end, out TournamentWindow window)
    {
        window = new TournamentWindow(1, 1, 1, 1);
        // 2024 is a leap year, so 02-29 is a real day of the window too.
        if (!DateOnly.TryParseExact($"2024-{start}", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var from)
            || !DateOnly.TryParseExact($"2024-{end}", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var to)
            || from > to)
        {
            return false;
        }

        window = new TournamentWindow(from.Month, from.Day, to.Month, to.Day);
        return true;
    }
}
