using Microsoft.Extensions.Primitives;

namespace GamePulse.Web.Pages.Scores;

/// <summary>
/// How a scoreboard lists the games within each section: by tip-off (no query, the canonical page) or by Pulse
/// (<c>?order=pulse</c>, a shareable URL). Anything else is a client error, not a silent fallback.
/// </summary>
public static class ScoreboardOrder
{
    public const string QueryKey = "order";
    public const string Time = "";
    public const string Pulse = "pulse";

    public static bool TryParse(StringValues values, out string order)
    {
        order = Time;
        if (values.Count == 0)
        {
            return true;
        }

        // ?order=pulse&order=pulse is as malformed as ?order=best: one value, exactly as the links write it.
        if (values.Count > 1)
        {
            return false;
        }

        order = values[0] ?? Time;
        return order is Time or Pulse;
    }
}
