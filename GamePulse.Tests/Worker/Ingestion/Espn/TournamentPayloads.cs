using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using GamePulse.Tests.Support;

namespace GamePulse.Tests.Worker.Ingestion.Espn;

/// <summary>
/// ESPN groups=100 (NCAA Tournament) scoreboards for tests. No recorded NCAA Tournament scoreboard is available, so each
/// is built from real shapes: every event is a real event of the recorded 2026-03-03 groups=50 slate (its competitors,
/// venue, broadcasts, records and status objects as ESPN sent them), given the tournament's id, date, notes headline
/// (the form of the 2026-03-14 conference-championship notes, "… - South Region - 1st Round"), season type 3, seeds and
/// teams. A placeholder side is ESPN's bracket placeholder: competitor and team id "-2", name "TBD".
/// </summary>
public static class TournamentPayloads
{
    public const string RegularSlate = "espn/scoreboard-2026-03-03-groups50-final.json";

    private static readonly Lazy<JsonObject> Slate = new(() => JsonNode.Parse(File.ReadAllBytes(RepositoryPaths.Fixture(RegularSlate)))!.AsObject());

    /// <summary>The recorded 2026-03-03 slate's event ids (groups=50), to list one again in a groups=100 answer.</summary>
    public static IReadOnlyList<string> RegularEventIds => [.. Slate.Value["events"]!.AsArray().Select(e => (string)e!["id"]!)];

    public static byte[] RegularSlateBytes() => File.ReadAllBytes(RepositoryPaths.Fixture(RegularSlate));

    /// <summary>A scoreboard with these games, as ESPN answers groups=100; <paramref name="seasonType"/> on the league and on each event.</summary>
    public static byte[] Scoreboard(IEnumerable<Slot> slots, int seasonType = 3)
    {
        var root = Slate.Value.DeepClone().AsObject();
        root["leagues"]![0]!["season"]!["type"]!["type"] = seasonType;
        root["leagues"]![0]!["season"]!["type"]!["id"] = seasonType.ToString(CultureInfo.InvariantCulture);
        root["groups"] = new JsonArray("100");
        var templates = root["events"]!.AsArray();
        var events = new JsonArray();
        var index = 0;
        foreach (var slot in slots)
        {
            events.Add(Event(templates[index++ % templates.Count]!.DeepClone().AsObject(), slot, seasonType));
        }

        root["events"] = events;
        return Encoding.UTF8.GetBytes(root.ToJsonString());
    }

    /// <summary>A real event of the groups=50 slate, unchanged (ESPN lists some games under both groups).</summary>
    public static JsonObject RegularEvent(string id) =>
        Slate.Value["events"]!.AsArray().Single(e => (string)e!["id"]! == id)!.DeepClone().AsObject();

    /// <summary>The groups=50 slate with its season type set, e.g. to 3 for a postseason date outside the window.</summary>
    public static byte[] RegularSlateWithSeasonType(int seasonType)
    {
        var root = Slate.Value.DeepClone().AsObject();
        root["leagues"]![0]!["season"]!["type"]!["type"] = seasonType;
        return Encoding.UTF8.GetBytes(root.ToJsonString());
    }

    /// <summary>Real men's teams of the seed (GamePulse.Data/Seed/teams.json) with their ESPN ids, in the seed's order.</summary>
    public static IReadOnlyList<Side> SeedTeams(int count)
    {
        using var seed = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(RepositoryPaths.Root, "GamePulse.Data", "Seed", "teams.json")));
        return [.. seed.RootElement.EnumerateArray()
            .Where(t => t.GetProperty("active").GetBoolean() && t.TryGetProperty("espnId", out var id) && id.ValueKind == JsonValueKind.String
                && t.GetProperty("leagues").EnumerateArray().Any(l => l.GetString() == "mens"))
            .Take(count)
            .Select(t => new Side(t.GetProperty("espnId").GetString()!, t.GetProperty("displayName").GetString()!, t.GetProperty("shortName").GetString()!,
                t.TryGetProperty("abbreviation", out var a) && a.ValueKind == JsonValueKind.String ? a.GetString()! : "")),];
    }

    /// <summary>The regions of <see cref="FullField"/>, in the order their games tip off.</summary>
    public static readonly string[] Regions = ["South", "East", "West", "Midwest"];

    /// <summary>The event id of <see cref="FullField"/>'s one live first-round game (South, 1 against 16).</summary>
    public const string LiveFirstRoundId = "401990100";

    /// <summary>The event id of <see cref="FullField"/>'s one listed second-round game, whose other side is still TBD.</summary>
    public const string SecondRoundId = "401990200";

    /// <summary>
    /// A 68-team men's field of real seeded teams (the first 68 of the seed, 16 a region and 4 more for the First
    /// Four) on the first-round Thursday: the First Four played (final), 32 first-round games (one live, the rest
    /// scheduled; the First Four winners in their slots), and one second-round game listed with a TBD side.
    /// </summary>
    public static IReadOnlyList<Slot> FullField()
    {
        var teams = SeedTeams(68);
        Side Team(int region, int seed) => teams[(region * 16) + seed - 1] with { Seed = (short)seed };
        var slots = new List<Slot>();
        var firstFour = new DateTimeOffset(2026, 3, 17, 23, 0, 0, TimeSpan.Zero);
        for (var r = 0; r < 4; r++)
        {
            var seed = r < 2 ? 16 : 11;
            slots.Add(new Slot($"40199000{r}", firstFour.AddDays(r / 2).AddHours(r % 2 * 2.5), "Men's Basketball Championship - First Four",
                Team(r, seed), teams[64 + r] with { Seed = (short)seed }, "post", 70, 61));
        }

        int[][] pairs = [[1, 16], [8, 9], [5, 12], [4, 13], [6, 11], [3, 14], [7, 10], [2, 15]];
        var thursday = new DateTimeOffset(2026, 3, 19, 16, 0, 0, TimeSpan.Zero);
        for (var r = 0; r < 4; r++)
        {
            for (var p = 0; p < pairs.Length; p++)
            {
                var id = r == 0 && p == 0 ? LiveFirstRoundId : $"4019901{r}{p}";
                slots.Add(new Slot(id, thursday.AddDays(r / 2).AddHours(p % 4 * 2.5 + (r % 2 * 0.5)), $"Men's Basketball Championship - {Regions[r]} Region - 1st Round",
                    Team(r, pairs[p][0]), Team(r, pairs[p][1]), id == LiveFirstRoundId ? "in" : "pre", 40, 30));
            }
        }

        slots.Add(new Slot(SecondRoundId, thursday.AddDays(2), "Men's Basketball Championship - South Region - 2nd Round", Team(0, 1), Side.Placeholder("Winner of 8/9")));
        return slots;
    }

    private static JsonObject Event(JsonObject item, Slot slot, int seasonType)
    {
        var start = slot.Start.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm'Z'", CultureInfo.InvariantCulture);
        item["id"] = slot.EventId;
        item["date"] = start;
        item["season"]!["type"] = seasonType;
        item["name"] = $"{slot.Away.DisplayName} vs. {slot.Home.DisplayName}";
        var competition = item["competitions"]![0]!.AsObject();
        competition["id"] = slot.EventId;
        competition["date"] = start;
        competition["startDate"] = start;
        competition["neutralSite"] = true;
        competition["conferenceCompetition"] = false;
        competition["notes"] = slot.Headline is null ? new JsonArray() : new JsonArray(new JsonObject { ["type"] = "event", ["headline"] = slot.Headline });
        competition.Remove("odds");
        var status = Status(slot);
        competition["status"] = status.DeepClone();
        item["status"] = status;
        var competitors = competition["competitors"]!.AsArray();
        foreach (var competitor in competitors.Select(c => c!.AsObject()))
        {
            var home = (string)competitor["homeAway"]! == "home";
            Competitor(competitor, home ? slot.Home : slot.Away, slot.State == "pre" ? null : home ? slot.HomeScore : slot.AwayScore);
        }

        return item;
    }

    private static JsonObject Status(Slot slot) => slot.State switch
    {
        "pre" => new JsonObject
        {
            ["clock"] = 0,
            ["displayClock"] = "0:00",
            ["period"] = 0,
            ["type"] = new JsonObject { ["id"] = "1", ["name"] = "STATUS_SCHEDULED", ["state"] = "pre", ["completed"] = false, ["detail"] = "Scheduled", ["shortDetail"] = "Scheduled" },
        },
        "in" => new JsonObject
        {
            ["clock"] = 300,
            ["displayClock"] = "5:00",
            ["period"] = 2,
            ["type"] = new JsonObject { ["id"] = "2", ["name"] = "STATUS_IN_PROGRESS", ["state"] = "in", ["completed"] = false, ["detail"] = "5:00 - 2nd Half", ["shortDetail"] = "5:00 - 2nd" },
        },
        _ => new JsonObject
        {
            ["clock"] = 0,
            ["displayClock"] = "0:00",
            ["period"] = 2,
            ["type"] = new JsonObject { ["id"] = "3", ["name"] = "STATUS_FINAL", ["state"] = "post", ["completed"] = true, ["detail"] = "Final", ["shortDetail"] = "Final" },
        },
    };

    private static void Competitor(JsonObject competitor, Side side, short? score)
    {
        competitor["id"] = side.EspnId;
        competitor["score"] = score?.ToString(CultureInfo.InvariantCulture) ?? "0";
        competitor.Remove("linescores");
        competitor.Remove("leaders");
        competitor.Remove("statistics");
        competitor["curatedRank"] = new JsonObject { ["current"] = side.Rank ?? 99 };
        if (side.Seed is { } seed)
        {
            competitor["seed"] = seed.ToString(CultureInfo.InvariantCulture);
        }

        var team = competitor["team"]!.AsObject();
        team["id"] = side.EspnId;
        team["displayName"] = side.DisplayName;
        team["shortDisplayName"] = side.ShortName;
        team["location"] = side.ShortName;
        team["name"] = side.IsPlaceholder ? side.DisplayName : "";
        team["abbreviation"] = side.Abbreviation;
        if (side.IsPlaceholder)
        {
            // ESPN's placeholder has no branding and no record.
            team.Remove("logo");
            team.Remove("color");
            team.Remove("alternateColor");
            team.Remove("conferenceId");
            competitor.Remove("records");
            competitor.Remove("curatedRank");
        }
    }

    /// <summary>One side of a game: a real team (by its ESPN id) or a placeholder.</summary>
    public sealed record Side(string EspnId, string DisplayName, string ShortName, string Abbreviation, short? Seed = null, short? Rank = null)
    {
        public bool IsPlaceholder => EspnId.StartsWith('-');

        public static Side Placeholder(string name = "TBD", short? seed = null) => new("-2", name, name, "TBD", seed);
    }

    /// <summary>One game of the bracket: ESPN's state name ("pre", "in", "post") and scores where it has them.</summary>
    public sealed record Slot(string EventId, DateTimeOffset Start, string? Headline, Side Home, Side Away, string State = "pre", short? HomeScore = null, short? AwayScore = null);
}
