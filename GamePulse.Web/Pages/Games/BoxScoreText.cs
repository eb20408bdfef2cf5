using System.Globalization;

namespace GamePulse.Web.Pages.Games;

/// <summary>How a box score prints its numbers.</summary>
public static class BoxScoreText
{
    /// <summary>"5-11"; empty when the feed gave no count.</summary>
    public static string MadeAttempted(short? made, short? attempted) =>
        made is { } m && attempted is { } a ? string.Create(CultureInfo.InvariantCulture, $"{m}-{a}") : "";

    /// <summary>"45.5%", one decimal as box scores print it; "—" without attempts.</summary>
    public static string Percent(short? made, short? attempted) =>
        made is { } m && attempted is > 0 and var a ? string.Create(CultureInfo.InvariantCulture, $"{m * 100.0 / a:0.0}%") : "—";

    public static string Count(short? value) => value?.ToString(CultureInfo.InvariantCulture) ?? "";

    /// <summary>"30%" for a 0-1 probability.</summary>
    public static string Probability(decimal value) => string.Create(CultureInfo.InvariantCulture, $"{Math.Round(value * 100):0}%");
}
