using System.Globalization;
using System.Text.Json.Nodes;

namespace GamePulse.Bench.Season;

/// <summary>
/// One saved ESPN scoreboard per day of a season, built from the recorded events of ../shared/fixtures/espn: every game
/// final, with a new unique id (7DDDNNN: day index, game index) and the day's date. The number of games per day follows
/// a season's shape (busy Saturdays and opening week, a quiet Christmas, a shrinking NCAA tournament). bench/backfill
/// serves these days; bench/ingest loads them first, so that it measures against a database holding a season.
/// </summary>
public static class SeasonPayloads
{
    public static IReadOnlyList<string> RecordedEvents(string fixtures) =>
        [.. new[] { "scoreboard-2025-02-04-mixed-early.json", "scoreboard-2025-02-04-mixed.json", "scoreboard-2025-02-11-mixed.json" }
            .SelectMany(f => JsonNode.Parse(File.ReadAllText(Path.Combine(fixtures, "espn", f)))!["events"]!.AsArray().Select(e => e!.ToJsonString()))];

    /// <summary>Games on a day of the season; deterministic, so every run writes the same season.</summary>
    public static int GamesOn(DateOnly day, Random random)
    {
        var selectionSunday = new DateOnly(day.Year, 3, 16);
        if (day > selectionSunday && day.Month is 3 or 4)
        {
            // After Selection Sunday: the NCAA tournament (First Four, rounds of 64 and 32, ...) with the NIT/CBI
            // alongside, fewer each round, and days with no game at all.
            return (day.DayNumber - selectionSunday.DayNumber) switch
            {
                1 => 0,
                2 or 3 => 18,
                4 or 5 => 16,
                6 or 7 => 12,
                8 or 9 or 10 => 6,
                11 or 12 => 4,
                13 or 14 => 2,
                _ => day.DayOfWeek switch
                {
                    DayOfWeek.Tuesday or DayOfWeek.Thursday or DayOfWeek.Saturday => 2,
                    DayOfWeek.Monday => 1,
                    _ => 0,
                },
            };
        }

        if (day.Month == 12 && day.Day is >= 23 and <= 27)
        {
            return random.Next(5, 12);
        }

        var typical = day.DayOfWeek switch
        {
            DayOfWeek.Saturday => random.Next(120, 151),
            DayOfWeek.Sunday => random.Next(30, 70),
            DayOfWeek.Tuesday or DayOfWeek.Wednesday => random.Next(60, 100),
            DayOfWeek.Friday => random.Next(20, 50),
            _ => random.Next(40, 80),
        };
        // Opening week is as busy as a Saturday.
        return day.Month == 11 && day.Day <= 10 ? Math.Max(typical, random.Next(110, 151)) : typical;
    }

    public static JsonObject Day(DateOnly day, int dayIndex, int games, IReadOnlyList<string> recorded, Random random)
    {
        var date = day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var start = $"{date}T23:00Z"; // 6 or 7 PM US-Eastern: the game's date is the day itself
        var events = new JsonArray();
        for (var i = 0; i < games; i++)
        {
            var ev = JsonNode.Parse(recorded[(dayIndex + i) % recorded.Count])!;
            var id = $"7{dayIndex:000}{i:000}";
            var competition = ev["competitions"]![0]!;
            ev["id"] = id;
            ev["date"] = start;
            competition["id"] = id;
            competition["date"] = start;
            var status = new JsonObject
            {
                ["clock"] = 0,
                ["displayClock"] = "0:00",
                ["period"] = 2,
                ["type"] = new JsonObject { ["id"] = "3", ["name"] = "STATUS_FINAL", ["state"] = "post", ["completed"] = true, ["description"] = "Final", ["detail"] = "Final", ["shortDetail"] = "Final" },
            };
            ev["status"] = status.DeepClone();
            competition["status"] = status;
            foreach (var competitor in competition["competitors"]!.AsArray())
            {
                // Recorded scheduled games have no score yet; a final needs one, with two halves that add up.
                var first = random.Next(22, 45);
                var second = random.Next(22, 48);
                competitor!["score"] = (first + second).ToString(CultureInfo.InvariantCulture);
                competitor["linescores"] = new JsonArray(new JsonObject { ["value"] = first }, new JsonObject { ["value"] = second });
            }

            events.Add(ev);
        }

        return new JsonObject
        {
            ["leagues"] = new JsonArray(new JsonObject { ["slug"] = "mens-college-basketball" }),
            ["day"] = new JsonObject { ["date"] = date },
            ["events"] = events,
        };
    }
}
