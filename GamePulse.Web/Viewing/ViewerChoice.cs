using GamePulse.Data.Viewing;

namespace GamePulse.Web.Viewing;

/// <summary>
/// What a visitor chose on /settings: a zone code or "auto", and spoiler-free or not. Kept in the account when signed
/// in (viewer_settings) and in the <see cref="CookieName"/> cookie on the device either way.
/// </summary>
public sealed record ViewerChoice(string TimeZone, bool HideSpoilers)
{
    /// <summary>Not HttpOnly on purpose: the site script reads it to know whether "automatic" still has to detect the zone.</summary>
    public const string CookieName = "gp_view";

    /// <summary>The IANA zone the site script detected in this browser (only written when the choice is "auto").</summary>
    public const string DetectedCookieName = "gp_tz";

    public static ViewerChoice Default { get; } = new(ViewTimeZones.Eastern.Code, false);

    /// <summary>"pt.hide", "auto.show": the cookie's value.</summary>
    public string CookieValue => string.Concat(TimeZone, ".", HideSpoilers ? "hide" : "show");

    /// <summary>Reads <see cref="CookieValue"/>; anything else (an old format, a hand-edited value) is no choice at all.</summary>
    public static ViewerChoice? FromCookie(string? value)
    {
        if (value is null || value.Length > 16 || value.Split('.') is not [var zone, var spoilers] || !ViewTimeZones.IsChoice(zone))
        {
            return null;
        }

        return spoilers switch
        {
            "hide" => new ViewerChoice(zone, true),
            "show" => new ViewerChoice(zone, false),
            _ => null,
        };
    }

    /// <summary>The zone this choice shows on a device: automatic takes the detected zone when GamePulse offers it, else ET.</summary>
    public ViewTimeZone ResolveZone(string? detectedIana) =>
        TimeZone == ViewTimeZones.Automatic ? ViewTimeZones.FromIana(detectedIana) ?? ViewTimeZones.Eastern : ViewTimeZones.Find(TimeZone) ?? ViewTimeZones.Eastern;
}
