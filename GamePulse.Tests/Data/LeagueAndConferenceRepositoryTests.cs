using GamePulse.Tests.Support;

namespace GamePulse.Tests.Data;

[TestClass]
public sealed class LeagueAndConferenceRepositoryTests
{
    private static TestDatabase database = null!;

    [ClassInitialize]
    public static async Task CreateDatabase(TestContext context) => database = await TestDatabase.CreateAsync();

    [ClassCleanup]
    public static async Task DropDatabase() => await database.DisposeAsync();

    [TestMethod]
    public async Task Lists_both_leagues_in_display_order_and_finds_one_by_slug()
    {
        var leagues = await database.Leagues.GetAllAsync();

        string[] expected = ["mens-college-basketball", "womens-college-basketball"];
        CollectionAssert.AreEqual(expected, leagues.Select(l => l.Slug).ToArray());
        Assert.AreEqual("basketball-women", (await database.Leagues.FindBySlugAsync("womens-college-basketball"))!.NcaaSport);
        Assert.IsNull(await database.Leagues.FindBySlugAsync("nfl"));
    }

    [TestMethod]
    public async Task Finds_conferences_by_slug_within_their_league()
    {
        var bigTen = await database.Conferences.FindBySlugAsync(2, "big-ten");

        Assert.IsNotNull(bigTen);
        Assert.AreEqual(2, bigTen.LeagueId, "the women's Big Ten, not the men's");
        Assert.AreEqual("Big Ten", bigTen.ShortName, "short name of the found conference");
        Assert.IsNull(await database.Conferences.FindBySlugAsync(2, "nope"));
    }
}
