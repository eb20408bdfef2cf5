using System.Text.Json;
using GamePulse.Data.Seed;
using GamePulse.Data.Teams;
using GamePulse.Tests.Support;

namespace GamePulse.Tests.Data.Seed;

[TestClass]
public sealed class ReferenceDataSeederTests
{
    private static TestDatabase database = null!;

    [ClassInitialize]
    public static async Task CreateDatabase(TestContext context) => database = await TestDatabase.CreateAsync();

    [ClassCleanup]
    public static async Task DropDatabase() => await database.DisposeAsync();

    [TestMethod]
    public async Task Seeds_every_conference_in_both_leagues_and_hundreds_of_teams_per_league()
    {
        var conferencesPerLeague = await database.QueryAsync<(short LeagueId, long Count)>("SELECT league_id, count(*) FROM conferences WHERE active GROUP BY league_id ORDER BY 1");
        Assert.HasCount(2, conferencesPerLeague);
        Assert.IsTrue(conferencesPerLeague.All(c => c.Count >= 31), "31 D1 conferences in 2025-26");

        var teamsPerLeague = await database.QueryAsync<(short LeagueId, long Count)>("SELECT league_id, count(*) FROM teams WHERE active GROUP BY league_id ORDER BY 1");
        Assert.IsTrue(teamsPerLeague.All(t => t.Count >= 350), $"D1 has about 365 programs per league: {string.Join(", ", teamsPerLeague)}");
        Assert.AreEqual(0L, await database.ScalarAsync<long>("SELECT count(*) FROM teams WHERE active AND conference_id IS NULL"), "every active team belongs to a conference");
    }

    [TestMethod]
    public async Task Seeding_again_changes_no_row()
    {
        const string Fingerprint = """
            SELECT (SELECT string_agg(xmin::text || ':' || t::text, ',' ORDER BY id) FROM teams t)
                || (SELECT string_agg(xmin::text || ':' || c::text, ',' ORDER BY id) FROM conferences c)
                || (SELECT string_agg(xmin::text || ':' || a::text, ',' ORDER BY team_id, name) FROM team_aliases a)
            """;
        var before = await database.ScalarAsync<string>(Fingerprint);

        await using (var connection = await database.DataSource.OpenConnectionAsync())
        await using (var transaction = await connection.BeginTransactionAsync())
        {
            ReferenceDataSeeder.Apply(connection, transaction);
            await transaction.CommitAsync();
        }

        Assert.AreEqual(before, await database.ScalarAsync<string>(Fingerprint), "no new row versions, no new rows");
    }

    [TestMethod]
    public async Task Every_team_in_the_recorded_espn_basketball_payloads_resolves_to_a_seeded_team()
    {
        var files = Directory.GetFiles(Path.Combine(RepositoryPaths.Fixtures, "espn"), "*.json").Where(f => !Path.GetFileName(f).Contains("cfb", StringComparison.Ordinal)).ToList();
        Assert.IsNotEmpty(files);
        foreach (var file in files)
        {
            var ids = EspnTeamIds(JsonDocument.Parse(await File.ReadAllTextAsync(file)).RootElement).Distinct().ToList();
            Assert.IsNotEmpty(ids, file);
            var seeded = await database.QueryAsync<string>("SELECT espn_id FROM teams WHERE league_id = 1 AND origin = 'seed' AND espn_id = ANY(@ids)", new { ids });
            CollectionAssert.AreEquivalent(ids, seeded.ToList(), $"{Path.GetFileName(file)}: unseeded ESPN ids {string.Join(", ", ids.Except(seeded))}");
        }
    }

    [TestMethod]
    [DataRow("ncaa/scoreboard-men-2021-02-13-pre.json", (short)1)]
    [DataRow("ncaa/scoreboard-women-2025-04-06-final.json", (short)2)]
    public async Task Every_team_in_the_recorded_ncaa_payloads_resolves_by_seo_name_or_former_name(string fixture, short leagueId)
    {
        var root = JsonDocument.Parse(await File.ReadAllTextAsync(RepositoryPaths.Fixture(fixture))).RootElement;
        var seoNames = root.GetProperty("games").EnumerateArray()
            .SelectMany(g => new[] { g.GetProperty("game").GetProperty("home"), g.GetProperty("game").GetProperty("away") })
            .Select(t => t.GetProperty("names").GetProperty("seo").GetString()!)
            .Distinct().ToList();

        var resolved = await database.ResolveTeamsAsync(leagueId, ScoreSource.Ncaa, [.. seoNames.Select(s => new FeedTeam(s, s, s, null, null, null, null, null, null))]);

        Assert.IsEmpty(resolved.Created, "unseeded NCAA teams: " + string.Join(", ", resolved.Created.Select(t => t.ExternalId)));
        Assert.HasCount(seoNames.Count, resolved.TeamIdsByExternalId);
    }

    private static IEnumerable<string> EspnTeamIds(JsonElement root)
    {
        if (root.TryGetProperty("events", out var events))
        {
            foreach (var competitor in events.EnumerateArray().SelectMany(e => e.GetProperty("competitions").EnumerateArray()).SelectMany(c => c.GetProperty("competitors").EnumerateArray()))
            {
                yield return competitor.GetProperty("team").GetProperty("id").GetString()!;
            }
        }

        if (root.TryGetProperty("header", out var header))
        {
            foreach (var competitor in header.GetProperty("competitions").EnumerateArray().SelectMany(c => c.GetProperty("competitors").EnumerateArray()))
            {
                yield return competitor.GetProperty("id").GetString()!;
            }
        }
    }
}
