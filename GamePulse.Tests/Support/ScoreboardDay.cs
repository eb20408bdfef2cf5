using GamePulse.Data.Games;
using GamePulse.Data.Teams;

namespace GamePulse.Tests.Support;

/// <summary>
/// A realistic men's game day loaded through the real upsert path (until the Worker's ingestion lands): live,
/// halftime, starting soon, later on a neutral site, final, final in overtime, postponed and canceled games with
/// ranked and seeded teams, plus one game day before and one after (with empty days between) and a women's game.
/// The live game is upserted repeatedly with rising scores so it has a snapshot history, as the Worker would leave.
/// </summary>
public sealed class ScoreboardDay
{
    public const short Mens = 1;
    public const short Womens = 2;
    public const string MensSlug = "mens-college-basketball";
    public const string WomensSlug = "womens-college-basketball";

    /// <summary>Saturday, March 8, 2025 (US-Eastern is UTC−5 that day).</summary>
    public static readonly DateOnly Date = new(2025, 3, 8);

    public static readonly DateOnly PreviousDate = new(2025, 3, 5);

    public static readonly DateOnly NextDate = new(2025, 3, 11);

    /// <summary>8:00 PM ET on the game day: one game live, one at halftime, one tipping off at 8:10.</summary>
    public static readonly DateTimeOffset Now = new(2025, 3, 9, 1, 0, 0, TimeSpan.Zero);

    private readonly TestDatabase database;
    private readonly Dictionary<string, int> teams;

    private ScoreboardDay(TestDatabase database, Dictionary<string, int> teams)
    {
        this.database = database;
        this.teams = teams;
    }

    /// <summary>The live game (North Carolina at No. 2 Duke) as last upserted; change it and call <see cref="UpsertLiveAsync"/>.</summary>
    public GameUpsert Live { get; private set; } = null!;

    public long LiveId { get; private set; }
    public long HalftimeId { get; private set; }
    public long SoonId { get; private set; }
    public long LaterNeutralId { get; private set; }
    public long FinalId { get; private set; }
    public long FinalOvertimeId { get; private set; }
    public long PostponedId { get; private set; }
    public long CanceledId { get; private set; }
    public long PreviousDayId { get; private set; }
    public long NextDayId { get; private set; }
    public long WomensId { get; private set; }

    public int Team(string slug) => teams[slug];

    public static async Task<ScoreboardDay> SeedAsync(TestDatabase database)
    {
        var rows = await database.QueryAsync<(string Slug, int Id)>(
            "SELECT slug, id FROM teams WHERE league_id = @Mens", new { Mens });
        var day = new ScoreboardDay(database, rows.ToDictionary(r => r.Slug, r => r.Id));
        await day.LoadAsync();
        return day;
    }

    public async Task UpsertLiveAsync(GameUpsert live, DateTimeOffset observedAt)
    {
        Live = live;
        var result = await database.UpsertGamesAsync(Mens, ScoreSource.Espn, [live], observedAt);
        // As the Worker does after every upsert, so cards carry Pulse and the game page has its history.
        await database.RecomputePulseAsync(result.ChangedGameIds, observedAt);
    }

    private static DateTimeOffset Utc(int day, int hour, int minute) => new(2025, 3, day, hour, minute, 0, TimeSpan.Zero);

    private GameUpsert Game(string id, string away, string home, DateTimeOffset? start, DateOnly? date = null) => new()
    {
        ExternalId = id,
        StartTime = start,
        GameDate = date ?? Date,
        State = GameState.Scheduled,
        HomeTeamId = teams[home],
        AwayTeamId = teams[away],
        Season = 2025,
        ConferenceGame = true,
        VenueName = "Home Arena",
        Broadcast = "ESPN",
    };

    private async Task LoadAsync()
    {
        var early = Utc(8, 12, 0);

        // North Carolina at No. 2 Duke, 6:30 PM ET, now 2nd half: five visible changes over the evening.
        var live = Game("401", "north-carolina", "duke", Utc(8, 23, 30)) with
        {
            HomeRank = 2,
            HomeRecord = "26-3",
            AwayRecord = "20-10",
            VenueName = "Cameron Indoor Stadium",
            VenueCity = "Durham",
            VenueState = "NC",
        };
        await UpsertLiveAsync(live, early);
        await UpsertLiveAsync(live with { State = GameState.Live, Period = 1, Clock = "20:00", HomeScore = 0, AwayScore = 0 }, Utc(8, 23, 35));
        await UpsertLiveAsync(live with { State = GameState.Live, Period = 1, Clock = "11:40", HomeScore = 12, AwayScore = 15, HomeLineScores = [12], AwayLineScores = [15] }, Utc(8, 23, 50));
        await UpsertLiveAsync(live with { State = GameState.Halftime, Period = 1, Clock = "0:00", HomeScore = 35, AwayScore = 30, HomeLineScores = [35], AwayLineScores = [30] }, Utc(9, 0, 20));
        await UpsertLiveAsync(live with { State = GameState.Live, Period = 2, Clock = "10:12", HomeScore = 52, AwayScore = 50, HomeLineScores = [35, 17], AwayLineScores = [30, 20] }, Utc(9, 0, 55));

        GameUpsert[] others =
        [
            // No. 20 Kansas at No. 5 Houston, 7:00 PM ET, at halftime.
            Game("402", "kansas", "houston", Utc(9, 0, 0)) with
            {
                State = GameState.Halftime, Period = 1, Clock = "0:00", HomeScore = 31, AwayScore = 29, HomeRank = 5, AwayRank = 20,
                HomeLineScores = [31], AwayLineScores = [29], HomeRecord = "25-4", AwayRecord = "19-11", Broadcast = "CBS",
            },
            // Kentucky at Tennessee tips off at 8:10 PM ET, ten minutes from now.
            Game("403", "kentucky", "tennessee", Utc(9, 1, 10)) with { HomeRank = 6, AwayRank = 12, HomeRecord = "24-6", AwayRecord = "21-9" },
            // Gonzaga vs. Purdue at 10:00 PM ET on a neutral floor, with a note.
            Game("404", "gonzaga", "purdue", Utc(9, 3, 0)) with
            {
                NeutralSite = true, ConferenceGame = false, VenueName = "T-Mobile Arena", VenueCity = "Las Vegas", VenueState = "NV",
                Notes = "Las Vegas Showcase", Broadcast = "FOX",
            },
            // Virginia at Wake Forest, final from noon.
            Game("405", "virginia", "wake-forest", Utc(8, 17, 0)) with
            {
                State = GameState.Final, Period = 2, HomeScore = 58, AwayScore = 60, HomeLineScores = [30, 28], AwayLineScores = [27, 33],
                HomeRecord = "20-11", AwayRecord = "15-16",
            },
            // Villanova at No. 18 UConn, final in overtime.
            Game("406", "villanova", "uconn", Utc(8, 19, 0)) with
            {
                State = GameState.Final, Period = 3, HomeScore = 80, AwayScore = 78, HomeLineScores = [35, 35, 10], AwayLineScores = [33, 37, 8],
                HomeRank = 18, HomeRecord = "22-9", AwayRecord = "18-13",
            },
            Game("407", "alabama", "auburn", Utc(8, 21, 0)) with { State = GameState.Postponed, HomeRank = 1, AwayRank = 7 },
            Game("408", "creighton", "marquette", Utc(8, 20, 0)) with { State = GameState.Canceled },

            // The neighbouring game days: nothing on March 6, 7, 9 and 10.
            Game("301", "baylor", "kansas", Utc(6, 0, 0), PreviousDate) with { State = GameState.Final, Period = 2, HomeScore = 70, AwayScore = 64 },
            Game("501", "wisconsin", "purdue", Utc(12, 0, 0), NextDate) with { HomeSeed = 1, AwaySeed = 8, SeasonType = "postseason", Notes = "Big Ten Tournament" },
        ];
        var othersResult = await database.UpsertGamesAsync(Mens, ScoreSource.Espn, others, early);
        await database.RecomputePulseAsync(othersResult.ChangedGameIds, early);

        var womens = await database.QueryAsync<(string Slug, int Id)>("SELECT slug, id FROM teams WHERE league_id = @Womens AND slug IN ('duke', 'north-carolina')", new { Womens });
        var women = womens.ToDictionary(r => r.Slug, r => r.Id);
        var womensResult = await database.UpsertGamesAsync(Womens, ScoreSource.Espn,
            [Game("w1", "north-carolina", "duke", Utc(8, 18, 0)) with { HomeTeamId = women["duke"], AwayTeamId = women["north-carolina"], State = GameState.Final, Period = 2, HomeScore = 66, AwayScore = 61 }],
            early);
        await database.RecomputePulseAsync(womensResult.ChangedGameIds, early);

        async Task<long> Id(short league, string externalId) =>
            await database.ScalarAsync<long>("SELECT id FROM games WHERE league_id = @league AND espn_id = @externalId", new { league, externalId });
        LiveId = await Id(Mens, "401");
        HalftimeId = await Id(Mens, "402");
        SoonId = await Id(Mens, "403");
        LaterNeutralId = await Id(Mens, "404");
        FinalId = await Id(Mens, "405");
        FinalOvertimeId = await Id(Mens, "406");
        PostponedId = await Id(Mens, "407");
        CanceledId = await Id(Mens, "408");
        PreviousDayId = await Id(Mens, "301");
        NextDayId = await Id(Mens, "501");
        WomensId = await Id(Womens, "w1");
    }
}
