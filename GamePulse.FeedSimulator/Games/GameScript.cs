using GamePulse.FeedSimulator.Slate;

namespace GamePulse.FeedSimulator.Games;

/// <summary>
/// Writes a whole game in advance from one seeded random source: possessions with scoring runs, media and team
/// timeouts, period breaks and halftime, overtime while tied. The feed then only reads how far the game has got, so
/// the same seed always gives the same plays at the same simulated second.
/// </summary>
public sealed class GameScript
{
    // Simulated seconds per game-clock second: fouls, inbounds and reviews stop the clock.
    private const double Stoppage = 1.5;
    private const double MediaTimeoutSeconds = 150;
    private const double TeamTimeoutSeconds = 75;
    private const double QuarterBreakSeconds = 130;
    private const double HalftimeSeconds = 900;
    private const double OvertimeBreakSeconds = 120;
    private const int ComebackClock = 240;

    private readonly SimLeague league;
    private readonly Random random;
    private readonly bool forceOvertime;
    private readonly List<Play> plays = [];
    private double wall;
    private int home;
    private int away;
    private int runSide = -1;
    private int runLeft;

    private GameScript(SimLeague league, int seed, bool forceOvertime)
    {
        this.league = league;
        random = new Random(seed);
        this.forceOvertime = forceOvertime;
    }

    /// <summary>The plays in order; the last is <see cref="PlayKind.EndGame"/>.</summary>
    public static IReadOnlyList<Play> Write(SimLeague league, int seed, bool forceOvertime)
    {
        var script = new GameScript(league, seed, forceOvertime);
        script.PlayAll();
        return script.plays;
    }

    private void PlayAll()
    {
        Add(1, league.LengthOf(1), PlayKind.JumpBall, random.Next(2), 4, made: true);
        var offense = plays[0].Side!.Value;
        for (var period = 1; ; period++)
        {
            offense = PlayPeriod(period, offense);
            Add(period, 0, PlayKind.EndPeriod, null, 0, made: false);
            if (period >= league.Periods && home != away)
            {
                Add(period, 0, PlayKind.EndGame, null, 0, made: false);
                return;
            }

            wall += period == league.HalftimeAfter ? HalftimeSeconds : period >= league.Periods ? OvertimeBreakSeconds : QuarterBreakSeconds;
        }
    }

    private int PlayPeriod(int period, int offense)
    {
        var clock = league.LengthOf(period);
        var mediaMarks = new Queue<int>(league.Periods == 2 ? [960, 720, 480, 240] : [300]);
        if (period > league.Periods)
        {
            mediaMarks.Clear();
        }

        while (clock > 0)
        {
            var used = Math.Min(clock, random.Next(6, 27));
            clock -= used;
            wall += used * Stoppage;
            offense = Possession(period, clock, offense);
            if (mediaMarks.Count > 0 && clock <= mediaMarks.Peek() && clock > 0)
            {
                mediaMarks.Dequeue();
                Pause(period, clock, PlayKind.MediaTimeout, null, MediaTimeoutSeconds);
            }
            else if (clock > 0 && random.NextDouble() < 0.025)
            {
                Pause(period, clock, PlayKind.TeamTimeout, random.Next(2), TeamTimeoutSeconds);
            }
        }

        return offense;
    }

    /// <summary>One possession; returns the side that has the ball next.</summary>
    private int Possession(int period, int clock, int offense)
    {
        var defense = 1 - offense;
        var shooter = Shooter();
        if (TieChase(period, clock) is { } chase)
        {
            var score = chase && Trailing() == offense;
            var needed = Math.Abs(home - away);
            var kind = !score ? PlayKind.Jumper : needed >= 3 ? PlayKind.Three : needed == 2 ? PlayKind.Layup : PlayKind.FreeThrow;
            Shot(period, clock, kind, offense, shooter, score, defense);
            return defense;
        }

        StepRun();
        var roll = random.NextDouble();
        if (roll < 0.12)
        {
            Add(period, clock, PlayKind.Turnover, offense, shooter, made: false);
            return defense;
        }

        if (roll < 0.24)
        {
            Add(period, clock, PlayKind.Foul, defense, Shooter(), made: false);
            for (var attempt = 0; attempt < 2; attempt++)
            {
                wall += 12;
                Add(period, clock, PlayKind.FreeThrow, offense, shooter, made: random.NextDouble() < 0.72);
            }

            return defense;
        }

        var made = random.NextDouble() < MakeChance(offense);
        var shot = random.NextDouble() switch
        {
            < 0.35 => PlayKind.Three,
            < 0.70 => PlayKind.Jumper,
            _ => PlayKind.Layup,
        };
        return Shot(period, clock, shot, offense, shooter, made, defense);
    }

    private int Shot(int period, int clock, PlayKind kind, int offense, int shooter, bool made, int defense)
    {
        Add(period, clock, kind, offense, shooter, made);
        if (made)
        {
            return defense;
        }

        // A quarter of misses are offensive rebounds: the same side keeps the ball.
        var offensive = random.NextDouble() < 0.25;
        var rebounder = offensive ? offense : defense;
        Add(period, clock, PlayKind.Rebound, rebounder, Shooter(), made: offensive);
        return offensive ? offense : defense;
    }

    /// <summary>
    /// In a game meant to reach overtime, the last minutes of regulation: true while the trailing side is catching up,
    /// false once level (nobody scores again), null otherwise.
    /// </summary>
    private bool? TieChase(int period, int clock) =>
        forceOvertime && period == league.Periods && clock <= ComebackClock ? home != away : null;

    private int Trailing() => home < away ? 0 : 1;

    /// <summary>Scoring runs: now and then one side gets hot for a few possessions.</summary>
    private void StepRun()
    {
        if (runLeft > 0)
        {
            runLeft--;
        }
        else if (random.NextDouble() < 0.07)
        {
            runSide = random.Next(2);
            runLeft = random.Next(4, 9);
        }
    }

    private double MakeChance(int offense) => runLeft == 0 ? 0.47 : offense == runSide ? 0.75 : 0.25;

    // Starters take most of the shots.
    private int Shooter() => random.NextDouble() < 0.8 ? random.Next(Roster.Starters) : random.Next(Roster.Starters, Roster.Size);

    private void Pause(int period, int clock, PlayKind kind, int? side, double seconds)
    {
        Add(period, clock, kind, side, 0, made: false);
        wall += seconds;
    }

    private void Add(int period, int clock, PlayKind kind, int? side, int player, bool made)
    {
        var play = new Play(plays.Count + 1, period, clock, wall, kind, side, player, made, 0, home, away);
        if (play.Scoring)
        {
            if (side == 0)
            {
                home += play.Value;
            }
            else
            {
                away += play.Value;
            }

            play = play with { Points = play.Value, Home = home, Away = away };
        }

        plays.Add(play);
    }
}
