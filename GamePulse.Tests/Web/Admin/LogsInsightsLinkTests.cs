using GamePulse.Tests.Support;
using GamePulse.Tests.Web.Account;
using GamePulse.Web.Pages.Admin;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace GamePulse.Tests.Web.Admin;

[TestClass]
public sealed class LogsInsightsLinkTests
{
    /// <summary>What the console expects inside a JSURL string: URI-encoded, '*' for '%', every non-alphanumeric escaped.</summary>
    public static string Encoded(string value) => LogsInsightsLinks.Encode(value);

    [TestMethod]
    public void The_link_is_the_consoles_deep_link_with_the_query_and_groups_encoded()
    {
        var url = LogsInsightsLinks.Build("eu-west-2", "fields @timestamp\n| limit 5", ["/gamepulse/worker", "/gamepulse/web"]);

        Assert.AreEqual(
            "https://eu-west-2.console.aws.amazon.com/cloudwatch/home?region=eu-west-2#logsV2:logs-insights$3FqueryDetail$3D"
            + "~(end~0~start~-3600~timeType~'RELATIVE~unit~'seconds~editorString~'fields*20*40timestamp*0a*7c*20limit*205"
            + "~source~(~'*2fgamepulse*2fworker~'*2fgamepulse*2fweb))",
            url);
    }

    [TestMethod]
    public void Every_saved_query_survives_the_round_trip_and_never_breaks_out_of_its_jsurl_string()
    {
        foreach (var query in new[] { LogsInsightsLinks.WorkerErrorsQuery, LogsInsightsLinks.IngestRunsQuery, LogsInsightsLinks.SlowRequestsQuery,
                     LogsInsightsLinks.EmailFailuresQuery, LogsInsightsLinks.NginxErrorsQuery, "filter x = 'a~b' (c) * ✓ é" })
        {
            var encoded = LogsInsightsLinks.Encode(query);

            Assert.MatchesRegex("^[A-Za-z0-9*]*$", encoded, "JSURL syntax characters (~ ' ( ) ! *) must all be escaped");
            Assert.AreEqual(query, Uri.UnescapeDataString(encoded.Replace('*', '%')));
        }
    }

    [TestMethod]
    public void The_saved_queries_match_the_terraform_definitions()
    {
        var terraform = File.ReadAllText(Path.Combine(RepositoryPaths.Root, "infrastructure", "logs.tf"));
        foreach (var query in new[] { LogsInsightsLinks.WorkerErrorsQuery, LogsInsightsLinks.IngestRunsQuery, LogsInsightsLinks.SlowRequestsQuery, LogsInsightsLinks.EmailFailuresQuery })
        {
            var indented = string.Join('\n', query.Split('\n').Select(line => "    " + line));
            StringAssert.Contains(terraform, indented, "the link must run what the saved query runs");
        }
    }

    [TestMethod]
    public async Task Region_and_log_groups_come_from_the_admin_settings()
    {
        var database = await PostgresServer.CreateDatabaseAsync();
        await using var site = new AccountSite(database);
        await using var configured = site.WithWebHostBuilder(builder => builder
            .UseSetting("Admin:AwsRegion", "ap-southeast-2")
            .UseSetting("Admin:LogGroupWorker", "/prod/worker")
            .UseSetting("Admin:LogGroupWeb", "/prod/web")
            .UseSetting("Admin:LogGroupNginx", "/prod/nginx"));

        var options = configured.Services.GetRequiredService<IOptions<CloudWatchOptions>>().Value;
        var link = LogsInsightsLinks.All(options).Single(l => l.Name == "Worker errors");

        Assert.StartsWith("https://ap-southeast-2.console.aws.amazon.com/cloudwatch/home?region=ap-southeast-2#", link.Url);
        Assert.EndsWith("~source~(~'*2fprod*2fworker))", link.Url);
        Assert.EndsWith("~source~(~'*2fprod*2fnginx))", LogsInsightsLinks.All(options).Single(l => l.Name == "nginx 5xx").Url);
    }

    [TestMethod]
    [DataRow("--Admin:AwsRegion=Mars", "Admin__AwsRegion must be an AWS region such as us-east-1.")]
    [DataRow("--Admin:LogGroupWorker=no spaces please", "Admin__LogGroupWorker must be a CloudWatch log group name such as /gamepulse/worker.")]
    public async Task Bad_settings_stop_the_web_at_start_up_with_a_clear_message(string setting, string message)
    {
        var exception = await Assert.ThrowsExactlyAsync<OptionsValidationException>(async () =>
        {
            await using var web = await WebAppServer.StartAsync(await PostgresServer.CreateDatabaseAsync(), setting);
        });

        StringAssert.Contains(exception.Message, message);
    }
}
