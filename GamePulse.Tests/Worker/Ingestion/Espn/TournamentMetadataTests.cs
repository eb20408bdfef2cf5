using GamePulse.Data.Games;
using GamePulse.Data.Teams;
using GamePulse.Tests.Support;
using GamePulse.Worker.Ingestion;
using GamePulse.Worker.Ingestion.Espn;
using static GamePulse.Tests.Worker.Ingestion.Espn.TournamentPayloads;

namespace GamePulse.Tests.Worker.Ingestion.Espn;

/// <summary>Tournament, region, round and placeholders as both parsers read them, from recorded payloads and built ones.</summary>
[TestClass]
public sealed class TournamentMetadataTests
{
    [TestMethod]
    [DataRow("Men's Basketball Championship - South Region - 1st Round", Tournaments.Ncaa, "South", "1st Round")]
    [DataRow("Women's Basketball Championship - Spokane 1 Region - Sweet 16", Tournaments.Ncaa, "Spokane 1", "Sweet 16")]
    [DataRow("Men's Basketball Championship - First Four", Tournaments.Ncaa, null, "First Four")]
    [DataRow("Men's Basketball Championship - National Championship", Tournaments.Ncaa, null, "National Championship")]
    [DataRow("T. Rowe Price ACC Tournament - Final", "T. Rowe Price ACC Tournament", null, "Final")]
    [DataRow("Barbasol Horizon League Championship - 1st Round", "Barbasol Horizon League Championship", null, "1st Round")]
    [DataRow("Sun Belt Championship - 3rd Round", "Sun Belt Championship", null, "3rd Round")]
    public void A_notes_headline_names_tournament_region_and_round(string headline, string tournament, string? region, string round)
    {
        var note = EspnTournamentNotes.Parse(headline)!;

        Assert.AreEqual(tournament, note.Tournament, "tournament");
        Assert.AreEqual(region, note.Region, "region");
        Assert.AreEqual(round, note.Round, "round");
    }

    [TestMethod]
    [DataRow(null)]
    [DataRow("")]
    [DataRow("Rivalry Week")]
    public void A_headline_of_one_part_is_no_tournament(string? headline) =>
        Assert.IsNull(EspnTournamentNotes.Parse(headline), $"'{headline}' is a note, not a tournament");

    [TestMethod]
    public void The_recorded_conference_championship_saturday_reads_seven_conference_tournament_games()
    {
        var parsed = ScoreboardPayload.Parse(File.ReadAllBytes(RepositoryPaths.Fixture("espn/scoreboard-2026-03-14-conf-tourneys-final.json")), Leagues.Mens, ScoreSource.Espn);

        var duke = parsed.Games.Single(g => g.Game.ExternalId == "401851183").Game;
        Assert.AreEqual("T. Rowe Price ACC Tournament", duke.Tournament, "the ACC final: duke.Tournament");
        Assert.AreEqual(null, duke.TournamentRegion, "the ACC final: duke.TournamentRegion");
        Assert.AreEqual("Final", duke.TournamentRound, "the ACC final: duke.TournamentRound");
        Assert.AreEqual(7, parsed.Games.Count(g => g.Game.Tournament is not null), "every game of the day is a conference tournament game");
        Assert.IsFalse(parsed.Games.Any(g => g.Game.Tournament == Tournaments.Ncaa), "none is the NCAA Tournament");
    }

    [TestMethod]
    public void The_recorded_NCAA_final_reads_round_bracket_position_and_seeds()
    {
        var parsed = ScoreboardPayload.Parse(File.ReadAllBytes(RepositoryPaths.Fixture("ncaa/scoreboard-women-2025-04-06-final.json")), Leagues.Womens, ScoreSource.Ncaa);

        var final = parsed.Games.Single().Game;
        Assert.AreEqual(Tournaments.Ncaa, final.Tournament, "tournament, round, bracketId: final.Tournament");
        Assert.AreEqual("Championship", final.TournamentRound, "tournament, round, bracketId: final.TournamentRound");
        Assert.AreEqual(701, final.BracketId, "tournament, round, bracketId: final.BracketId");
        Assert.IsNull(final.TournamentRegion, "the final has no region (bracketRegion is empty)");
        Assert.AreEqual((short?)1, final.HomeSeed, "seeds as today: final.HomeSeed");
        Assert.AreEqual((short?)2, final.AwaySeed, "seeds as today: final.AwaySeed");
        Assert.AreEqual(TournamentStage.Championship, Tournaments.Stage(final.TournamentRound), "stage");
    }

    [TestMethod]
    public void An_ESPN_placeholder_side_is_no_team_and_keeps_its_label()
    {
        var duke = SeedTeams(1)[0];
        var body = Scoreboard(
        [
            new Slot("401900001", new DateTimeOffset(2026, 3, 21, 18, 0, 0, TimeSpan.Zero), "Men's Basketball Championship - South Region - 2nd Round", duke with { Seed = 1 }, Side.Placeholder()),
            new Slot("401900002", new DateTimeOffset(2026, 3, 19, 18, 0, 0, TimeSpan.Zero), "Men's Basketball Championship - South Region - 1st Round", Side.Placeholder("Winner of First Four", 16), duke with { Seed = 1 }),
        ]);

        var parsed = ScoreboardPayload.Parse(body, Leagues.Mens, ScoreSource.Espn);

        Assert.HasCount(2, parsed.Games, "both games read");
        Assert.IsEmpty(parsed.Skipped, "none skipped");
        var second = parsed.Games[0];
        Assert.AreEqual(duke.EspnId, second.HomeTeamExternalId, "the TBD side has no team: second.HomeTeamExternalId");
        Assert.AreEqual((string?)null, second.AwayTeamExternalId, "the TBD side has no team: second.AwayTeamExternalId");
        Assert.IsNull(second.Game.AwayPlaceholder, "plain TBD carries no label");
        var first = parsed.Games[1];
        Assert.AreEqual("Winner of First Four", first.Game.HomePlaceholder, "a label that says more than TBD is kept");
        Assert.AreEqual((short?)16, first.Game.HomeSeed, "the slot's seed");
        Assert.IsFalse(parsed.Teams.Any(t => t.ExternalId.StartsWith('-') || t.DisplayName == "TBD"), "no placeholder among the teams to resolve");
        Assert.AreEqual(Tournaments.Ncaa, first.Game.Tournament, "tournament");
        Assert.AreEqual("postseason", first.Game.SeasonType, "season type 3");
    }

    [TestMethod]
    public void An_NCAA_placeholder_side_is_no_team()
    {
        var text = File.ReadAllText(RepositoryPaths.Fixture("ncaa/scoreboard-women-2025-04-06-final.json"))
            .Replace("\"seo\": \"uconn\"", "\"seo\": \"\"", StringComparison.Ordinal)
            .Replace("\"short\": \"UConn\"", "\"short\": \"TBD\"", StringComparison.Ordinal);

        var parsed = ScoreboardPayload.Parse(System.Text.Encoding.UTF8.GetBytes(text), Leagues.Womens, ScoreSource.Ncaa);

        Assert.IsNull(parsed.Games.Single().AwayTeamExternalId, "the empty seo name is a placeholder");
        Assert.AreEqual("south-carolina", parsed.Games.Single().HomeTeamExternalId, "the other side is a team");
        Assert.HasCount(1, parsed.Teams, "only the real team is resolved");
    }
}
