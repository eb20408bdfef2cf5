using GamePulse.Data.Teams;
using GamePulse.Tests.Support;

namespace GamePulse.Tests.Data.Teams;

[TestClass]
public sealed class TeamRepositoryTests
{
    private static TestDatabase database = null!;

    [ClassInitialize]
    public static async Task CreateDatabase(TestContext context) => database = await TestDatabase.CreateAsync();

    [ClassCleanup]
    public static async Task DropDatabase() => await database.DisposeAsync();

    [TestMethod]
    public async Task Finds_a_seeded_team_by_slug_with_its_conference()
    {
        var duke = await database.Teams.FindBySlugAsync(1, "duke");

        Assert.IsNotNull(duke);
        Assert.AreEqual("150", duke.EspnId);
        Assert.AreEqual("acc", duke.ConferenceSlug);
        Assert.IsNull(await database.Teams.FindBySlugAsync(1, "no-such-team"));
    }

    [TestMethod]
    public async Task A_team_found_by_slug_carries_its_conference()
    {
        var duke = await database.Teams.FindBySlugAsync(1, "duke");

        Assert.IsNotNull(duke);
        Assert.AreEqual("acc", duke.ConferenceSlug, "Duke's conference slug");
        Assert.IsNotNull(duke.ConferenceName, "Duke's conference name");
        Assert.IsNull(await database.Teams.FindBySlugAsync(2, "no-such-team"), "an unknown slug");
    }

    [TestMethod]
    public async Task Resolves_known_espn_ids_and_creates_an_unknown_team_once_with_its_branding()
    {
        var known = new FeedTeam("150", "Duke Blue Devils", "Duke", "Duke", "Blue Devils", "DUKE", "00539B", "ffffff", null);
        var unknown = new FeedTeam("999001", "Nowhere State Owls", "Nowhere St", "Nowhere State", "Owls", "NWS", "AB12CD", "not-a-colour", "https://example.test/owl.png");

        var first = await database.ResolveTeamsAsync(1, ScoreSource.Espn, [known, unknown, unknown]);
        var second = await database.ResolveTeamsAsync(1, ScoreSource.Espn, [known, unknown]);

        Assert.HasCount(2, first.TeamIdsByExternalId);
        Assert.AreEqual("999001", first.Created.Single().ExternalId);
        Assert.IsEmpty(second.Created, "the created team is found by its id the next time");
        Assert.AreEqual(first.TeamIdsByExternalId["999001"], second.TeamIdsByExternalId["999001"]);
        var created = await database.Teams.FindBySlugAsync(1, "nowhere-state-owls");
        Assert.IsNotNull(created);
        Assert.AreEqual("ab12cd", created.PrimaryColor);
        Assert.IsNull(created.SecondaryColor, "an invalid colour from a feed is dropped, not stored");
        Assert.AreEqual("https://example.test/owl.png", created.LogoUrl);
    }

    [TestMethod]
    public async Task Fills_missing_colours_from_the_feed_but_never_overwrites_seeded_ones()
    {
        await database.ExecuteAsync("UPDATE teams SET secondary_color = NULL WHERE league_id = 1 AND espn_id = '2599'");
        var before = await database.Teams.FindBySlugAsync(1, (await database.ScalarAsync<string>("SELECT slug FROM teams WHERE league_id = 1 AND espn_id = '2599'")));

        await database.ResolveTeamsAsync(1, ScoreSource.Espn, [new FeedTeam("2599", "St. John's Red Storm", "St John's", null, null, "SJU", "123456", "101010", null)]);

        var after = await database.Teams.FindBySlugAsync(1, before!.Slug);
        Assert.AreEqual(before.PrimaryColor, after!.PrimaryColor);
        Assert.AreEqual("101010", after.SecondaryColor);
    }

    [TestMethod]
    public async Task Resolves_an_ncaa_seo_name_and_creates_unknown_ncaa_teams_with_the_seo_name()
    {
        var resolved = await database.ResolveTeamsAsync(2, ScoreSource.Ncaa, [
            new FeedTeam("duke", "Duke", "Duke", null, null, null, null, null, null),
            new FeedTeam("made-up-college", "Made Up College", "Made Up", null, null, null, null, null, null)]);

        Assert.AreEqual(await database.ScalarAsync<int>("SELECT id FROM teams WHERE league_id = 2 AND slug = 'duke'"), resolved.TeamIdsByExternalId["duke"]);
        Assert.AreEqual("made-up-college", resolved.Created.Single().ExternalId);
        Assert.AreEqual("made-up-college", await database.ScalarAsync<string>("SELECT ncaa_seo FROM teams WHERE id = @id", new { id = resolved.TeamIdsByExternalId["made-up-college"] }));
    }

    [TestMethod]
    [DataRow("St. John's Red Storm", "st-johns-red-storm")]
    [DataRow("Texas A&M–Corpus Christi", "texas-a-m-corpus-christi")]
    [DataRow("  San José State ", "san-jose-state")]
    [DataRow("!!!", "team")]
    public void Slugs_are_lowercase_ascii_words_joined_by_hyphens(string text, string expected) => Assert.AreEqual(expected, Slugs.From(text));
}
