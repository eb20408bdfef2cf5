using GamePulse.Worker.Hosting;

namespace GamePulse.Tests.Worker.Ingestion;

/// <summary>Usage mistakes of ingest and backfill are exit 64 with a clear line, before any database is touched.</summary>
[TestClass]
public sealed class IngestCommandLineTests
{
    [TestMethod]
    [DataRow(new[] { "ingest" }, "--league is required")]
    [DataRow(new[] { "ingest", "--league", "mens" }, "exactly one of --date or --file")]
    [DataRow(new[] { "ingest", "--league", "mens", "--date", "2025-02-04", "--file", "x.json" }, "exactly one of --date or --file")]
    [DataRow(new[] { "ingest", "--league", "mens", "--file", "/nonexistent/payload.json" }, "does not exist")]
    [DataRow(new[] { "ingest", "--league", "mens", "--file", "x.json", "--source", "cbs" }, "must be espn or ncaa")]
    [DataRow(new[] { "ingest", "--league" }, "--league needs a value")]
    [DataRow(new[] { "ingest", "--colour", "red" }, "unknown option '--colour'")]
    [DataRow(new[] { "backfill", "--league", "mens", "--from", "2025-13-01", "--to", "2025-02-01" }, "is not a date")]
    public async Task A_usage_mistake_exits_64_with_the_reason(string[] args, string reason)
    {
        var error = new StringWriter();
        var original = Console.Error;
        Console.SetError(error);
        int code;
        try
        {
            code = await WorkerCommandLine.RunAsync(args);
        }
        finally
        {
            Console.SetError(original);
        }

        Assert.AreEqual(64, code);
        StringAssert.Contains(error.ToString(), reason);
    }
}
