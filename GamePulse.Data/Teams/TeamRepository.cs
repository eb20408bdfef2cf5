using System.Text.Json;
using LinqToDB;
using LinqToDB.Async;
using LinqToDB.Data;
using LinqToDB.Mapping;

namespace GamePulse.Data.Teams;

public sealed class TeamRepository(GamePulseDbFactory databases)
{
    public async Task<Team?> FindBySlugAsync(short leagueId, string slug, CancellationToken cancellationToken = default)
    {
        await using var db = databases.Open();
        return await (
            from t in db.Teams
            from c in db.Conferences.LeftJoin(c => c.Id == t.ConferenceId)
            where t.LeagueId == leagueId && t.Slug == slug
            select new Team
            {
                Id = t.Id,
                LeagueId = t.LeagueId,
                Slug = t.Slug,
                DisplayName = t.DisplayName,
                ShortName = t.ShortName,
                Location = t.Location,
                Nickname = t.Nickname,
                Abbreviation = t.Abbreviation,
                ConferenceId = t.ConferenceId,
                ConferenceSlug = c.Slug,
                ConferenceName = c.Name,
                PrimaryColor = t.PrimaryColor,
                SecondaryColor = t.SecondaryColor,
                LogoUrl = t.LogoUrl,
                EspnId = t.EspnId,
                NcaaSeo = t.NcaaSeo,
                Active = t.Active,
            }).SingleOrDefaultAsync(cancellationToken);
    }

    /// <summary>
    /// Maps the external ids of a payload's teams to our team ids in one round trip. Teams the seed lacks are created
    /// from the payload (never dropped); known teams get the payload's colours and logo where the seed had none.
    /// NCAA seo names also match former names (team_aliases).
    /// </summary>
    public async Task<ResolvedTeams> ResolveAsync(GamePulseDb db, short leagueId, ScoreSource source, IReadOnlyCollection<FeedTeam> feedTeams, CancellationToken cancellationToken = default)
    {
        if (feedTeams.Count == 0)
        {
            return new ResolvedTeams(new Dictionary<string, int>(), [], new Dictionary<int, string>());
        }

        var input = JsonSerializer.Serialize(feedTeams.DistinctBy(t => t.ExternalId).Select(t => new
        {
            external_id = t.ExternalId,
            slug = Slugs.From(t.DisplayName),
            display_name = t.DisplayName,
            short_name = t.ShortName,
            location = t.Location,
            nickname = t.Nickname,
            abbreviation = t.Abbreviation,
            primary_color = t.PrimaryColor?.ToLowerInvariant(),
            secondary_color = t.SecondaryColor?.ToLowerInvariant(),
            logo_url = t.LogoUrl,
        }));

        // Raw SQL: matching, branding and creating teams in one statement (data-modifying CTEs), which LINQ cannot say.
        var rows = await db.QueryToListAsync<ResolvedRow>(
            ResolveSql, new { leagueId, source = source.Name(), input }, cancellationToken);
        var map = new Dictionary<string, int>(StringComparer.Ordinal);
        var createdIds = new HashSet<string>(StringComparer.Ordinal);
        var names = new Dictionary<int, string>();
        foreach (var row in rows)
        {
            map[row.ExternalId] = row.Id;
            names[row.Id] = row.ShortName;
            if (row.Created)
            {
                createdIds.Add(row.ExternalId);
            }
        }

        return new ResolvedTeams(map, [.. feedTeams.Where(t => createdIds.Contains(t.ExternalId)).DistinctBy(t => t.ExternalId)], names);
    }

    private sealed record ResolvedRow
    {
        [Column("external_id")]
        public required string ExternalId { get; init; }

        [Column("id")]
        public int Id { get; init; }

        [Column("created")]
        public bool Created { get; init; }

        [Column("short_name")]
        public required string ShortName { get; init; }
    }

    // Colours are accepted only as 6 hex digits; anything else from a feed is dropped rather than stored.
    // A created team whose slug is taken gets its external id appended, so creation never fails on a name clash.
    private const string ResolveSql = """
        WITH input AS (
            SELECT f.*,
                   CASE WHEN f.primary_color ~ '^[0-9a-f]{6}$' THEN f.primary_color END AS primary_ok,
                   CASE WHEN f.secondary_color ~ '^[0-9a-f]{6}$' THEN f.secondary_color END AS secondary_ok
            FROM json_to_recordset(@input::json)
                 AS f(external_id text, slug text, display_name text, short_name text, location text, nickname text,
                      abbreviation text, primary_color text, secondary_color text, logo_url text)
        ),
        existing AS (
            SELECT f.external_id, coalesce(t.id, a.team_id) AS id
            FROM input f
            LEFT JOIN teams t ON t.league_id = @leagueId
                 AND ((@source = 'espn' AND t.espn_id = f.external_id) OR (@source = 'ncaa' AND t.ncaa_seo = f.external_id))
            LEFT JOIN team_aliases a ON @source = 'ncaa' AND t.id IS NULL AND a.league_id = @leagueId AND a.ncaa_seo = f.external_id
            WHERE coalesce(t.id, a.team_id) IS NOT NULL
        ),
        branded AS (
            UPDATE teams t
            SET primary_color = coalesce(t.primary_color, f.primary_ok),
                secondary_color = coalesce(t.secondary_color, f.secondary_ok),
                logo_url = coalesce(t.logo_url, f.logo_url),
                updated_at = now()
            FROM existing e JOIN input f USING (external_id)
            WHERE t.id = e.id
              AND ((t.primary_color IS NULL AND f.primary_ok IS NOT NULL)
                OR (t.secondary_color IS NULL AND f.secondary_ok IS NOT NULL)
                OR (t.logo_url IS NULL AND f.logo_url IS NOT NULL))
            RETURNING t.id
        ),
        created AS (
            INSERT INTO teams (league_id, slug, display_name, short_name, location, nickname, abbreviation,
                               primary_color, secondary_color, logo_url, espn_id, ncaa_seo, origin)
            SELECT @leagueId,
                   CASE WHEN EXISTS (SELECT 1 FROM teams s WHERE s.league_id = @leagueId AND s.slug = f.slug)
                        THEN f.slug || '-' || lower(regexp_replace(f.external_id, '[^a-zA-Z0-9]+', '-', 'g')) ELSE f.slug END,
                   f.display_name, coalesce(f.short_name, f.display_name), f.location, f.nickname, f.abbreviation,
                   f.primary_ok, f.secondary_ok, f.logo_url,
                   CASE WHEN @source = 'espn' THEN f.external_id END,
                   CASE WHEN @source = 'ncaa' THEN f.external_id END,
                   'feed'
            FROM input f
            WHERE NOT EXISTS (SELECT 1 FROM existing e WHERE e.external_id = f.external_id)
            ON CONFLICT DO NOTHING
            RETURNING id, coalesce(espn_id, ncaa_seo) AS external_id, short_name
        )
        SELECT e.external_id, e.id, false AS created, t.short_name FROM existing e JOIN teams t ON t.id = e.id
        UNION ALL
        SELECT external_id, id, true AS created, short_name FROM created
        """;
}
