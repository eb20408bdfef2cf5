using System.ComponentModel.DataAnnotations;
using GamePulse.Worker.Ingestion;

namespace GamePulse.Tests.Worker.Ingestion;

[TestClass]
public sealed class TournamentWindowTests
{
    [TestMethod]
    [DataRow("2026-03-09", false)]
    [DataRow("2026-03-10", true)]
    [DataRow("2026-04-06", true)]
    [DataRow("2026-04-10", true)]
    [DataRow("2026-04-11", false)]
    [DataRow("2025-12-20", false)]
    public void The_default_window_runs_from_the_week_of_Selection_Sunday_to_after_the_final(string date, bool inside) =>
        Assert.AreEqual(inside, new IngestionOptions().ReadTournamentWindow().Contains(DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture)), date);

    [TestMethod]
    [DataRow("02-30", "04-10")]
    [DataRow("04-10", "03-10")]
    [DataRow("3-10", "04-10")]
    [DataRow("13-01", "04-10")]
    public void A_window_that_is_not_real_days_in_order_stops_the_start(string start, string end)
    {
        var options = new IngestionOptions { TournamentWindowStart = start, TournamentWindowEnd = end };
        var results = new List<ValidationResult>();

        var valid = Validator.TryValidateObject(options, new ValidationContext(options), results, validateAllProperties: true);

        Assert.IsFalse(valid, $"{start} to {end} is refused");
        Assert.IsTrue(results.Any(r => r.ErrorMessage!.Contains("Ingestion__TournamentWindow", StringComparison.Ordinal)), "the message names the setting: " + string.Join(" | ", results.Select(r => r.ErrorMessage)));
    }
}
