using System.Globalization;

namespace GamePulse.Data.Games;

/// <summary>College basketball's calendar day is the US-Eastern one: a 10 PM ET tip-off belongs to that day, not the next UTC day.</summary>
public static class EasternCalendar
{
    public static TimeZoneInfo Zone { get; } = TimeZoneInfo.FindSystemTimeZoneById("America/New_York");

    public static DateOnly DateOf(DateTimeOffset instant) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, Zone).DateTime);

    public static DateOnly Today(TimeProvider clock) => DateOf(clock.GetUtcNow());

    public static DateTimeOffset ToEastern(DateTimeOffset instant) => TimeZoneInfo.ConvertTime(instant, Zone);

    /// <summary>
    /// A game date as URLs, cache tags and NOTIFY payloads write it: yyyy-MM-dd in the Gregorian calendar with ASCII
    /// digits, whatever the current culture (a "yyyy-MM-dd" format under ar-SA or th-TH writes another calendar's year).
    /// Written digit by digit: every game link and card carries one, so no format string is parsed.
    /// </summary>
    public static string Iso(DateOnly date) => string.Create(10, date, static (chars, d) =>
    {
        d.Year.TryFormat(chars[..4], out _, "D4", CultureInfo.InvariantCulture);
        chars[4] = '-';
        d.Month.TryFormat(chars[5..7], out _, "D2", CultureInfo.InvariantCulture);
        chars[7] = '-';
        d.Day.TryFormat(chars[8..], out _, "D2", CultureInfo.InvariantCulture);
    });

    /// <summary>Reads exactly what <see cref="Iso"/> writes, and nothing else (no other separator, calendar or digits).</summary>
    public static bool TryParseIso(ReadOnlySpan<char> text, out DateOnly date) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date);
}
