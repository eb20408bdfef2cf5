using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using GamePulse.Data.Games;

namespace GamePulse.Web.Live;

/// <summary>
/// When a page keeps itself current: htmx polls the same URL with HX-Request every <see cref="Interval"/> while one
/// of its games is live or starting soon (<see cref="LiveWindow"/>, the rule the Worker's cadence follows too). The
/// fragment's ETag is derived from what it renders, so an unchanged poll costs a 304.
/// </summary>
public static class LiveUpdates
{
    /// <summary>The one polling interval of the site: every polled element's <c>hx-trigger</c> is written from it.</summary>
    public static TimeSpan Interval { get; } = TimeSpan.FromSeconds(15);

    /// <summary>"every 15s": the <c>hx-trigger</c> of a polled element (<see cref="LivePollTagHelper"/>).</summary>
    public static string Trigger { get; } = string.Create(CultureInfo.InvariantCulture, $"every {Interval.TotalSeconds}s");

    public static bool ShouldPoll(IEnumerable<GameSummary> games, DateTimeOffset now) => games.Any(g => LiveWindow.Includes(g, now));

    /// <summary>A strong validator over everything the fragment shows (ids, row versions, Pulse, detail versions, polling on/off).</summary>
    public static string ETag(string scope, IEnumerable<GameSummary> games, bool polling)
    {
        var text = new StringBuilder(scope).Append('|').Append(polling ? 'p' : 's');
        foreach (var game in games)
        {
            // Pulse is also recomputed on its own (after a formula change), without touching the row version.
            text.Append('|').Append(game.Id).Append('@').Append(game.UpdatedAt.Ticks).Append('#').Append(game.PulseScore);
            // A summary changes the card's last play and leader without touching the game row.
            text.Append('+').Append(game.DetailUpdatedAt?.Ticks);
        }

        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString()));
        return $"\"{Convert.ToHexString(hash, 0, 12).ToLowerInvariant()}\"";
    }
}
