using LinqToDB.Data;
using LinqToDB.Mapping;

namespace GamePulse.Data.Teams;

/// <summary>A ranked team as the rankings page shows it: this rank, last week's (null when unranked then), record, conference.</summary>
public sealed record RankedTeam
{
    [Column("rank")]
    public short Rank { get; init; }

    [Column("previous_rank")]
    public short? PreviousRank { get; init; }

    [Column("ranked_on")]
    public DateOnly RankedOn { get; init; }

    [Column("team_id")]
    public int TeamId { get; init; }

    [Column("slug")]
    public required string Slug { get; init; }

    [Column("display_name")]
    public required string DisplayName { get; init; }

    [Column("short_name")]
    public required string ShortName { get; init; }

    [Column("primary_color")]
    public string? PrimaryColor { get; init; }

    [Column("record")]
    public string? Record { get; init; }

    [Column("conference_slug")]
    public string? ConferenceSlug { get; init; }

    [Column("conference_name")]
    public string? ConferenceName { get; init; }

    /// <summary>Places gained since last week (positive = up), null for a team new to the ranking.</summary>
    public int? Movement => PreviousRank is { } previous ? previous - Rank : null;
}

/// <summary>
/// The AP Top 25 as the feeds report it. ESPN sends each competitor's current rank (curatedRank) with every game, and
/// every game stores it (home_rank, away_rank): the games are already each team's rank per date, so no table of its
/// own is kept (docs/decisions/0413). A team's rank now is the one of its latest game up to the feeds' window ahead
/// (scheduled games carry the latest poll); last week's is the one of its latest game at least 7 days before that.
/// </summary>
public sealed class RankingRepository(GamePulseDbFactory databases)
{
    public const int Size = 25;

    /// <summary>How far back a rank still counts as current (a ranked team plays every week).</summary>
    public const int LookbackDays = 21;

    /// <summary>How far ahead the Worker keeps scheduled games, whose ranks are the latest poll (Ingestion__WindowDays).</summary>
    public const int LookaheadDays = 7;

    public async Task<IReadOnlyList<RankedTeam>> GetTopAsync(short leagueId, DateOnly today, CancellationToken cancellationToken = default)
    {
        await using var db = databases.Open();
        // Raw SQL: each team's latest and week-before rank over both sides of its games (DISTINCT ON), which LINQ cannot say.
        return await db.QueryToListAsync<RankedTeam>("""
            WITH sides AS (
                SELECT home_team_id AS team_id, game_date, start_time, home_rank AS rank, home_record AS record
                FROM games WHERE league_id = @leagueId AND home_team_id IS NOT NULL AND game_date BETWEEN @from AND @to
                UNION ALL
                SELECT away_team_id, game_date, start_time, away_rank, away_record
                FROM games WHERE league_id = @leagueId AND away_team_id IS NOT NULL AND game_date BETWEEN @from AND @to
            ),
            latest AS (
                SELECT DISTINCT ON (team_id) team_id, game_date, rank
                FROM sides ORDER BY team_id, game_date DESC, start_time DESC NULLS LAST
            ),
            record AS (
                -- The record of the latest game that has one (a scheduled game's is the record going in).
                SELECT DISTINCT ON (team_id) team_id, record
                FROM sides WHERE record IS NOT NULL ORDER BY team_id, game_date DESC, start_time DESC NULLS LAST
            )
            SELECT l.rank, l.game_date AS ranked_on, l.team_id, t.slug, t.display_name, t.short_name, t.primary_color,
                   r.record, c.slug AS conference_slug, c.name AS conference_name,
                   (SELECT s.rank FROM sides s WHERE s.team_id = l.team_id AND s.game_date <= l.game_date - 7
                    ORDER BY s.game_date DESC, s.start_time DESC NULLS LAST LIMIT 1) AS previous_rank
            FROM latest l
            JOIN teams t ON t.id = l.team_id
            LEFT JOIN conferences c ON c.id = t.conference_id
            LEFT JOIN record r ON r.team_id = l.team_id
            WHERE l.rank BETWEEN 1 AND @size
            ORDER BY l.rank, t.short_name
            """,
            new { leagueId, from = today.AddDays(-LookbackDays), to = today.AddDays(LookaheadDays), size = Size },
            cancellationToken);
    }
}
