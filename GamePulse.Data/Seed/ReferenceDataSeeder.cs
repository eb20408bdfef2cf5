using System.Text.Json;
using Npgsql;

namespace GamePulse.Data.Seed;

/// <summary>
/// Upserts conferences, teams and team aliases from the embedded JSON. Idempotent: rows whose values already match are
/// not touched (no new row versions), so running it again changes nothing, and a later seed migration that re-applies
/// edited JSON updates rows in place without duplicates.
/// </summary>
public static class ReferenceDataSeeder
{
    /// <summary>
    /// Synchronous, because it runs inside a FluentMigrator migration (M0002), whose steps are synchronous, on the
    /// migration's connection and transaction.
    /// </summary>
    public static void Apply(NpgsqlConnection connection, NpgsqlTransaction? transaction)
    {
        var conferences = ReadResource("conferences.json");
        var teams = ReadResource("teams.json");
        Execute(connection, transaction, UpsertConferencesSql, ("conferences", conferences));
        Execute(connection, transaction, UpsertTeamsSql, ("teams", teams));
        Execute(connection, transaction, UpsertAliasesSql, ("teams", teams));
    }

    private static void Execute(NpgsqlConnection connection, NpgsqlTransaction? transaction, string sql, (string Name, string Json) parameter)
    {
        using var command = new NpgsqlCommand(sql, connection, transaction);
        command.Parameters.AddWithValue(parameter.Name, parameter.Json);
        command.ExecuteNonQuery();
    }

    internal static string ReadResource(string fileName)
    {
        var assembly = typeof(ReferenceDataSeeder).Assembly;
        using var stream = assembly.GetManifestResourceStream($"GamePulse.Data.Seed.{fileName}")
            ?? throw new InvalidOperationException($"Seed file {fileName} is not embedded in GamePulse.Data.");
        using var reader = new StreamReader(stream);
        var json = reader.ReadToEnd();
        using var _ = JsonDocument.Parse(json); // fail here, with the file's name, rather than inside PostgreSQL
        return json;
    }

    // Every conference exists in both leagues: D1 men's and women's basketball share their conferences.
    private const string UpsertConferencesSql = """
        INSERT INTO conferences (league_id, slug, name, short_name, espn_conference_id, ncaa_seo, active)
        SELECT l.id, c.slug, c.name, c."shortName", c."espnConferenceId", c."ncaaSeo", coalesce(c.active, true)
        FROM jsonb_to_recordset(@conferences::jsonb)
             AS c(slug text, name text, "shortName" text, "espnConferenceId" text, "ncaaSeo" text, active boolean)
        CROSS JOIN leagues l
        ON CONFLICT (league_id, slug) DO UPDATE
        SET name = EXCLUDED.name, short_name = EXCLUDED.short_name, espn_conference_id = EXCLUDED.espn_conference_id,
            ncaa_seo = EXCLUDED.ncaa_seo, active = EXCLUDED.active
        WHERE (conferences.name, conferences.short_name, conferences.espn_conference_id, conferences.ncaa_seo, conferences.active)
              IS DISTINCT FROM (EXCLUDED.name, EXCLUDED.short_name, EXCLUDED.espn_conference_id, EXCLUDED.ncaa_seo, EXCLUDED.active)
        """;

    private const string UpsertTeamsSql = """
        INSERT INTO teams (league_id, slug, display_name, short_name, location, nickname, abbreviation, conference_id,
                           primary_color, secondary_color, logo_url, espn_id, ncaa_seo, active, origin)
        SELECT l.id, t.slug, t."displayName", t."shortName", t.location, t.nickname, t.abbreviation, c.id,
               t."primaryColor", t."secondaryColor",
               CASE WHEN t."espnId" IS NOT NULL THEN 'https://a.espncdn.com/i/teamlogos/ncaa/500/' || t."espnId" || '.png' END,
               t."espnId", t."ncaaSeo", coalesce(t.active, true), 'seed'
        FROM jsonb_to_recordset(@teams::jsonb)
             AS t(slug text, "displayName" text, "shortName" text, location text, nickname text, abbreviation text,
                  conference text, "primaryColor" text, "secondaryColor" text, "espnId" text, "ncaaSeo" text,
                  leagues text[], active boolean)
        JOIN leagues l ON l.code = ANY (t.leagues)
        LEFT JOIN conferences c ON c.league_id = l.id AND c.slug = t.conference
        ON CONFLICT (league_id, slug) DO UPDATE
        SET display_name = EXCLUDED.display_name, short_name = EXCLUDED.short_name, location = EXCLUDED.location,
            nickname = EXCLUDED.nickname, abbreviation = EXCLUDED.abbreviation, conference_id = EXCLUDED.conference_id,
            primary_color = EXCLUDED.primary_color, secondary_color = EXCLUDED.secondary_color, logo_url = EXCLUDED.logo_url,
            espn_id = EXCLUDED.espn_id, ncaa_seo = EXCLUDED.ncaa_seo, active = EXCLUDED.active, origin = 'seed', updated_at = now()
        WHERE (teams.display_name, teams.short_name, teams.location, teams.nickname, teams.abbreviation, teams.conference_id,
               teams.primary_color, teams.secondary_color, teams.logo_url, teams.espn_id, teams.ncaa_seo, teams.active, teams.origin)
              IS DISTINCT FROM
              (EXCLUDED.display_name, EXCLUDED.short_name, EXCLUDED.location, EXCLUDED.nickname, EXCLUDED.abbreviation, EXCLUDED.conference_id,
               EXCLUDED.primary_color, EXCLUDED.secondary_color, EXCLUDED.logo_url, EXCLUDED.espn_id, EXCLUDED.ncaa_seo, EXCLUDED.active, 'seed')
        """;

    private const string UpsertAliasesSql = """
        INSERT INTO team_aliases (team_id, league_id, name, ncaa_seo)
        SELECT tm.id, tm.league_id, a.name, a."ncaaSeo"
        FROM jsonb_to_recordset(@teams::jsonb) AS t(slug text, aliases jsonb)
        CROSS JOIN LATERAL jsonb_to_recordset(coalesce(t.aliases, '[]'::jsonb)) AS a(name text, "ncaaSeo" text)
        JOIN teams tm ON tm.slug = t.slug
        ON CONFLICT (team_id, name) DO UPDATE SET ncaa_seo = EXCLUDED.ncaa_seo
        WHERE team_aliases.ncaa_seo IS DISTINCT FROM EXCLUDED.ncaa_seo
        """;
}
