namespace GamePulse.FeedSimulator.Games;

/// <summary>One player's line, counted from the visible plays (so the box score always adds up to the score).</summary>
public sealed class PlayerTally
{
    public int Points { get; set; }
    public int Fgm { get; set; }
    public int Fga { get; set; }
    public int Tpm { get; set; }
    public int Tpa { get; set; }
    public int Ftm { get; set; }
    public int Fta { get; set; }
    public int Oreb { get; set; }
    public int Dreb { get; set; }
    public int Ast { get; set; }
    public int Tov { get; set; }
    public int Pf { get; set; }

    public int Reb => Oreb + Dreb;
}

/// <summary>The two teams' player lines at a moment: [side][player].</summary>
public static class BoxScore
{
    public static PlayerTally[][] Of(IReadOnlyList<Play> visible)
    {
        var tallies = new[] { NewTeam(), NewTeam() };
        foreach (var play in visible)
        {
            if (play.Side is not { } side)
            {
                continue;
            }

            var line = tallies[side][play.Player];
            Count(line, play);
            // Two made field goals in three were assisted, by a teammate other than the shooter.
            if (play.Scoring && play.Kind != PlayKind.FreeThrow && play.Sequence % 3 != 0)
            {
                tallies[side][AssistBy(play)].Ast++;
            }
        }

        return tallies;
    }

    public static int AssistBy(Play play) => (play.Player + 1 + (play.Sequence % 4)) % Roster.Starters;

    private static void Count(PlayerTally line, Play play)
    {
        switch (play.Kind)
        {
            case PlayKind.FreeThrow:
                line.Fta++;
                line.Ftm += play.Made ? 1 : 0;
                break;
            case PlayKind.Three:
                line.Tpa++;
                line.Tpm += play.Made ? 1 : 0;
                line.Fga++;
                line.Fgm += play.Made ? 1 : 0;
                break;
            case PlayKind.Jumper or PlayKind.Layup:
                line.Fga++;
                line.Fgm += play.Made ? 1 : 0;
                break;
            case PlayKind.Rebound when play.Made:
                line.Oreb++;
                break;
            case PlayKind.Rebound:
                line.Dreb++;
                break;
            case PlayKind.Turnover:
                line.Tov++;
                break;
            case PlayKind.Foul:
                line.Pf++;
                break;
            default:
                break;
        }

        line.Points += play.Points;
    }

    private static PlayerTally[] NewTeam() => [.. Enumerable.Range(0, Roster.Size).Select(_ => new PlayerTally())];
}
