using System.Globalization;
using GamePulse.Data.Leagues;

namespace GamePulse.Data.Pulse;

/// <summary>
/// How long a game is: men's college basketball plays two 20-minute halves, women's four 10-minute quarters; every
/// overtime is 5 minutes. Pulse needs this to know how much of a game is left from a period number and a clock.
/// </summary>
public sealed record GameFormat(int RegulationPeriods, int PeriodMinutes)
{
    public const int OvertimeMinutes = 5;

    public static GameFormat Mens { get; } = new(2, 20);

    public static GameFormat Womens { get; } = new(4, 10);

    /// <summary>
    /// The one place that says which league plays quarters: the seeded women's league (<see cref="League.WomensId"/>);
    /// anything else plays halves. Pulse and the feed parsers both ask here.
    /// </summary>
    public static GameFormat ForLeague(short leagueId) => leagueId == League.WomensId ? Womens : Mens;

    public int RegulationSeconds => RegulationPeriods * PeriodMinutes * 60;

    public int OvertimeCount(int? period) => Math.Max(0, (period ?? 0) - RegulationPeriods);

    /// <summary>
    /// How far through regulation the game is, 0 at tip-off to 1 at the end of regulation; any overtime is 1.
    /// A clock we cannot read counts as the start of its period, so bad data never makes a game look later than it is.
    /// </summary>
    public double Progress(int? period, string? clock)
    {
        if (period is not > 0)
        {
            return 0;
        }

        if (period > RegulationPeriods)
        {
            return 1;
        }

        var periodSeconds = PeriodMinutes * 60;
        var left = Math.Clamp(ParseClock(clock) ?? periodSeconds, 0, periodSeconds);
        var elapsed = ((period.Value - 1) * periodSeconds) + (periodSeconds - left);
        return elapsed / RegulationSeconds;
    }

    /// <summary>In the last 60 seconds of the last regulation period or of an overtime.</summary>
    public bool IsFinalMinute(int? period, string? clock) =>
        period >= RegulationPeriods && ParseClock(clock) is { } seconds && seconds <= 60;

    /// <summary>Reads "12:34", "1:12", "12:34.5" and "45.2" (ESPN drops the minutes under one minute) as seconds left.</summary>
    public static double? ParseClock(string? clock)
    {
        if (string.IsNullOrWhiteSpace(clock))
        {
            return null;
        }

        var parts = clock.Trim().Split(':');
        if (parts.Length > 2)
        {
            return null;
        }

        var minutes = 0;
        if (parts.Length == 2 && !int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out minutes))
        {
            return null;
        }

        if (!double.TryParse(parts[^1], NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var seconds)
            || (parts.Length == 2 && seconds >= 60))
        {
            return null;
        }

        var total = (minutes * 60) + seconds;
        return total <= 60 * 60 ? total : null;
    }
}
