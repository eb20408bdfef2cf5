using System.Globalization;
using System.Text;

namespace GamePulse.Web.Pages.Admin;

/// <summary>A saved Logs Insights query (infrastructure/logs.tf) and the console link that opens it, ready to run.</summary>
public sealed record LogsInsightsLink(string Name, string Description, string Url);

/// <summary>
/// Console links for the saved queries of infrastructure/logs.tf. Keep the query strings here in step with that file:
/// the link carries the query itself, so it works before (or without) the saved definitions.
/// </summary>
public static class LogsInsightsLinks
{
    public const string WorkerErrorsQuery = """
        fields @timestamp, Level, RenderedMessage, Properties.Job, Properties.League, Exception
        | filter Level = "Error" or Level = "Fatal"
        | sort @timestamp desc
        | limit 200
        """;

    public const string IngestRunsQuery = """
        filter MessageTemplate like /^Ingest run/
        | fields Properties.League as League, Properties.Date as GameDate, Properties.Outcome as Outcome,
            Properties.DurationMs as DurationMs, Properties.Inserted as Inserted, Properties.Updated as Updated
        | stats count(*) as Runs, sum(Inserted) as GamesInserted, sum(Updated) as GamesUpdated,
            avg(DurationMs) as AvgMs, max(DurationMs) as MaxMs, latest(@timestamp) as LastRun
          by League, GameDate, Outcome
        | sort LastRun desc
        | limit 500
        """;

    public const string SlowRequestsQuery = """
        fields @timestamp, Properties.Method as Method, Properties.Path as Path,
          Properties.StatusCode as StatusCode, Properties.ElapsedMs as ElapsedMs, Properties.TraceId as TraceId
        | filter MessageTemplate like /^HTTP/ and Properties.ElapsedMs > 1000
        | sort ElapsedMs desc
        | limit 200
        """;

    public const string EmailFailuresQuery = """
        fields @timestamp, Properties.service as Service, Properties.OutboxId as OutboxId,
          Properties.Attempt as Attempt, Properties.Error as Error
        | filter MessageTemplate like /^Email delivery failed/
        | sort @timestamp desc
        | limit 200
        """;

    /// <summary>Everything both processes logged for one trace id (a request and the Worker events it caused).</summary>
    public static string TraceQuery(string traceId) => $"""
        fields @timestamp, Properties.service as Service, Level, RenderedMessage
        | filter Properties.TraceId = "{traceId}"
        | sort @timestamp asc
        | limit 500
        """;

    public const string NginxErrorsQuery = """
        fields @timestamp, Properties.StatusCode as StatusCode, Properties.Method as Method, Properties.Path as Path
        | filter Properties.StatusCode >= 500
        | sort @timestamp desc
        | limit 200
        """;

    public static IReadOnlyList<LogsInsightsLink> All(CloudWatchOptions options) =>
    [
        new("Worker errors", "Error and Fatal events of the Worker", Build(options.AwsRegion, WorkerErrorsQuery, [options.LogGroupWorker])),
        new("Ingest runs by league and date", "Runs, games written and durations per league, date and outcome", Build(options.AwsRegion, IngestRunsQuery, [options.LogGroupWorker])),
        new("Slow requests", "Web requests slower than one second", Build(options.AwsRegion, SlowRequestsQuery, [options.LogGroupWeb])),
        new("Email delivery failures", "Messages the Worker gave up on", Build(options.AwsRegion, EmailFailuresQuery, [options.LogGroupWorker, options.LogGroupWeb])),
        new("nginx 5xx", "Server errors as nginx answered them (including the maintenance page)", Build(options.AwsRegion, NginxErrorsQuery, [options.LogGroupNginx])),
    ];

    /// <summary>The Web's and the Worker's events of one trace id, over the last day.</summary>
    public static string ForTrace(CloudWatchOptions options, string traceId) =>
        Build(options.AwsRegion, TraceQuery(traceId), [options.LogGroupWeb, options.LogGroupWorker], TimeSpan.FromDays(1));

    /// <summary>
    /// The console's Logs Insights deep link: <c>#logsV2:logs-insights?queryDetail=~(end~0~start~-3600~timeType~'RELATIVE
    /// ~unit~'seconds~editorString~'…~source~(~'group1~'group2))</c>, a JSURL value whose strings are URI-encoded with
    /// '*' in place of '%', and whose '?' and '=' are written '$3F' and '$3D' (the console reads the fragment that way).
    /// </summary>
    public static string Build(string region, string query, IReadOnlyList<string> logGroups, TimeSpan? lookBack = null)
    {
        var seconds = (long)(lookBack ?? TimeSpan.FromHours(1)).TotalSeconds;
        var detail = new StringBuilder()
            .Append(CultureInfo.InvariantCulture, $"~(end~0~start~-{seconds}~timeType~'RELATIVE~unit~'seconds~editorString~'")
            .Append(Encode(query.ReplaceLineEndings("\n")))
            .Append("~source~(");
        foreach (var group in logGroups)
        {
            detail.Append("~'").Append(Encode(group));
        }

        detail.Append("))");
        return $"https://{region}.console.aws.amazon.com/cloudwatch/home?region={region}#logsV2:logs-insights$3FqueryDetail$3D{detail}";
    }

    /// <summary>
    /// A JSURL string value: letters and digits stay, every other byte of its UTF-8 form becomes '*' and two hex digits
    /// (so '~', '\'', '(', ')' and '*', which JSURL uses as syntax, can never end the value early).
    /// </summary>
    public static string Encode(string value)
    {
        var encoded = new StringBuilder(value.Length * 2);
        foreach (var b in Encoding.UTF8.GetBytes(value))
        {
            if (b is >= (byte)'a' and <= (byte)'z' or >= (byte)'A' and <= (byte)'Z' or >= (byte)'0' and <= (byte)'9')
            {
                encoded.Append((char)b);
            }
            else
            {
                encoded.Append('*').Append(b.ToString("x2", System.Globalization.CultureInfo.InvariantCulture));
            }
        }

        return encoded.ToString();
    }
}
