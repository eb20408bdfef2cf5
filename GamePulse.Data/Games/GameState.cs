namespace GamePulse.Data.Games;

/// <summary>The states a game can be in, as stored in games.state.</summary>
public static class GameState
{
    public const string Scheduled = "scheduled";
    public const string Live = "live";
    public const string Halftime = "halftime";
    public const string Final = "final";
    public const string Postponed = "postponed";
    public const string Canceled = "canceled";
    public const string Delayed = "delayed";

    /// <summary>Being played right now (the ball may be dead at halftime or in a delay).</summary>
    public static bool IsInProgress(string state) => state is Live or Halftime or Delayed;
}
