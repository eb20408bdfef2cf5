using GamePulse.Data.Leagues;
using GamePulse.Data.Teams;

namespace GamePulse.Worker.Ingestion;

/// <summary>One upstream scoreboard feed. Two real implementations (ESPN, NCAA), chosen by Ingestion__Source.</summary>
public interface IScoreSource
{
    ScoreSource Kind { get; }

    /// <summary>The raw scoreboard of a league's US-Eastern date; <see cref="FeedUnavailableException"/> when it cannot be had.</summary>
    Task<FeedResponse> FetchAsync(League league, DateOnly date, CancellationToken cancellationToken);
}

/// <param name="Incomplete">Set when the answer is one of two requests and the other failed: the run is partial, with this as its error.</param>
public sealed record FeedResponse(int StatusCode, byte[] Body, string? Incomplete = null);

/// <summary>The feed did not give a usable response (after retries, or because its circuit is open).</summary>
public sealed class FeedUnavailableException(string message, int? statusCode = null, Exception? inner = null) : Exception(message, inner)
{
    public int? StatusCode { get; } = statusCode;
}
