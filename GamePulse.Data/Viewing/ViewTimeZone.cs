namespace GamePulse.Data.Viewing;

/// <summary>
/// A time zone a visitor may read tip-off times in: a short code (cookie, form, database), the abbreviation written
/// after every time, a label for the settings form and the IANA zone that does the conversion (daylight saving
/// included). Arizona has its own entry because it keeps standard time all year: in March, when the NCAA Tournament
/// is played, Phoenix is an hour behind Denver, and "MT" would be wrong there for a month.
/// </summary>
public sealed record ViewTimeZone(string Code, string Abbreviation, string Label, string IanaId)
{
    public TimeZoneInfo Zone { get; } = TimeZoneInfo.FindSystemTimeZoneById(IanaId);
}

/// <summary>The zones GamePulse offers, defined once (settings form, cookie, database CHECK in migration 0610, pages).</summary>
public static class ViewTimeZones
{
    /// <summary>The stored choice "detect in this browser"; resolved per device to one of <see cref="All"/> (or ET).</summary>
    public const string Automatic = "auto";

    public static ViewTimeZone Eastern { get; } = new("et", "ET", "Eastern (ET)", "America/New_York");

    public static IReadOnlyList<ViewTimeZone> All { get; } =
    [
        Eastern,
        new("ct", "CT", "Central (CT)", "America/Chicago"),
        new("mt", "MT", "Mountain (MT)", "America/Denver"),
        new("az", "MST", "Arizona (MST, no daylight saving)", "America/Phoenix"),
        new("pt", "PT", "Pacific (PT)", "America/Los_Angeles"),
        new("akt", "AKT", "Alaska (AKT)", "America/Anchorage"),
        new("ht", "HT", "Hawaii (HT)", "Pacific/Honolulu"),
    ];

    public static IReadOnlyList<string> Codes { get; } = [.. All.Select(z => z.Code)];

    /// <summary>Exactly one of the codes (lower case, as written); anything else is not a zone.</summary>
    public static ViewTimeZone? Find(string? code) => code is null ? null : All.FirstOrDefault(z => z.Code == code);

    /// <summary>A stored choice: a zone code or <see cref="Automatic"/>.</summary>
    public static bool IsChoice(string? code) => code == Automatic || Find(code) is not null;

    /// <summary>
    /// The zone of an IANA name a browser reports (Intl's resolvedOptions().timeZone), or null when GamePulse offers
    /// none that keeps the same clock all year. Besides the six canonical names it knows the US zones that follow
    /// them (Detroit and Indiana follow New York, Boise and Navajo land follow Denver…).
    /// </summary>
    public static ViewTimeZone? FromIana(string? iana)
    {
        if (string.IsNullOrEmpty(iana) || iana.Length > 64)
        {
            return null;
        }

        var exact = All.FirstOrDefault(z => z.IanaId == iana);
        if (exact is not null)
        {
            return exact;
        }

        var code = iana switch
        {
            "America/Detroit" or "America/Kentucky/Louisville" or "America/Kentucky/Monticello" or "America/Louisville" or "US/Eastern" => "et",
            _ when iana.StartsWith("America/Indiana/", StringComparison.Ordinal) && iana is not ("America/Indiana/Knox" or "America/Indiana/Tell_City") => "et",
            "America/Indiana/Knox" or "America/Indiana/Tell_City" or "America/Menominee" or "America/North_Dakota/Center" or "America/North_Dakota/New_Salem" or "America/North_Dakota/Beulah" or "US/Central" => "ct",
            "America/Boise" or "US/Mountain" => "mt",
            "US/Arizona" => "az",
            "US/Pacific" => "pt",
            "America/Juneau" or "America/Sitka" or "America/Metlakatla" or "America/Yakutat" or "America/Nome" or "US/Alaska" => "akt",
            "US/Hawaii" => "ht",
            _ => null,
        };
        return Find(code);
    }
}
