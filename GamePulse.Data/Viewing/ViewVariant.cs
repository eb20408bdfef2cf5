namespace GamePulse.Data.Viewing;

/// <summary>
/// How one request sees the site: the time zone of its tip-off times and whether results are hidden (spoiler-free).
/// Everything that renders or caches per visitor keys on it: pages (times, hidden scores), the output cache
/// (<see cref="Key"/> is a vary-by value), live fragments' validators, and (on their branches) the live stream's
/// fan-out key and the share card's URL. Decision 0450.
/// </summary>
public sealed record ViewVariant(ViewTimeZone TimeZone, bool HideSpoilers)
{
    /// <summary>What a visitor without settings sees: US-Eastern, scores shown. The one variant most requests share.</summary>
    public static ViewVariant Default { get; } = new(ViewTimeZones.Eastern, false);

    public bool IsDefault => TimeZone.Code == ViewTimeZones.Eastern.Code && !HideSpoilers;

    /// <summary>"et", "pt", "et.hide", "pt.hide": short, URL- and cookie-safe, one value per variant.</summary>
    public string Key => HideSpoilers ? TimeZone.Code + ".hide" : TimeZone.Code;

    /// <summary>
    /// Reads exactly what <see cref="Key"/> writes ("pt", "et.hide"), or null: for a consumer that carries the key in a
    /// URL or a fan-out key (the live stream, share cards) and renders once per variant.
    /// </summary>
    public static ViewVariant? FromKey(string? key)
    {
        var hide = key is not null && key.EndsWith(".hide", StringComparison.Ordinal);
        var zone = ViewTimeZones.Find(hide ? key![..^5] : key);
        return zone is null ? null : new ViewVariant(zone, hide);
    }

    /// <summary>Converts an instant into this variant's zone (with that zone's offset at the instant).</summary>
    public DateTimeOffset Local(DateTimeOffset instant) => TimeZoneInfo.ConvertTime(instant, TimeZone.Zone);
}
