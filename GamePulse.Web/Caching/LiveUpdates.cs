using System.Security.Cryptography;
using System.Text;
using GamePulse.Data.Games;

namespace GamePulse.Web.Caching;

/// <summary>
/// When a page keeps itself current: htmx polls the same URL with HX-Request every 15 s while a game is in progress
/// or starts within 15 minutes. The fragment's ETag is derived from what it renders, so an unchanged poll costs a 304.
/// </summary>
public static class LiveUpdates
{
    public const string HtmxRequestHeader = "HX-Request";

    /// <summary>htmx stops polling an element when a response has this status.</summary>
    public const int StopPollingStatus = 286;

    public static TimeSpan Interval { get; } = TimeSpan.FromSeconds(15);

    public static TimeSpan Lead { get; } = TimeSpan.FromMinutes(15);

    public static bool IsHtmx(HttpRequest request) => request.Headers[HtmxRequestHeader] == "true";

    public static bool ShouldPoll(IEnumerable<GameSummary> games, DateTimeOffset now) => games.Any(g =>
        g.IsInProgress
        || (g.State == GameState.Scheduled && g.StartTime is { } start
            && start - now <= Lead
            // a game an hour past its start that never went live is a feed gap, not worth polling forever
            && now - start < TimeSpan.FromHours(3)));

    /// <summary>A strong validator over everything the fragment shows (ids, row versions, Pulse, polling on/off).</summary>
    public static string ETag(string scope, IEnumerable<GameSummary> games, bool polling)
    {
        var text = new StringBuilder(scope).Append('|').Append(polling ? 'p' : 's');
        foreach (var game in games)
        {
            // Pulse is also recomputed on its own (after a formula change), without touching the row version.
            text.Append('|').Append(game.Id).Append('@').Append(game.UpdatedAt.Ticks).Append('#').Append(game.PulseScore);
        }

        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString()));
        return $"\"{Convert.ToHexString(hash, 0, 12).ToLowerInvariant()}\"";
    }
}
