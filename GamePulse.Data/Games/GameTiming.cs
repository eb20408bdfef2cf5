namespace GamePulse.Data.Games;

/// <summary>A stored game as the Worker's scheduling cadence sees it: its state and its start (null when TBA).</summary>
public sealed record GameTiming(string State, DateTimeOffset? StartTime);
