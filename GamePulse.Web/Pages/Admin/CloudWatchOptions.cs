using System.ComponentModel.DataAnnotations;

namespace GamePulse.Web.Pages.Admin;

/// <summary>
/// Where the admin page's Logs Insights links point (Admin__AwsRegion, Admin__LogGroupWeb, Admin__LogGroupWorker,
/// Admin__LogGroupNginx): the same section as Admin__Emails. The defaults are the groups infrastructure/logs.tf creates.
/// </summary>
public sealed class CloudWatchOptions
{
    public const string Section = "Admin";

    [Required]
    [RegularExpression("^[a-z]{2}(-[a-z]+)+-[0-9]$", ErrorMessage = "Admin__AwsRegion must be an AWS region such as us-east-1.")]
    public string AwsRegion { get; set; } = "us-east-1";

    [Required]
    [RegularExpression(LogGroupPattern, ErrorMessage = "Admin__LogGroupWeb must be a CloudWatch log group name such as /gamepulse/web.")]
    public string LogGroupWeb { get; set; } = "/gamepulse/web";

    [Required]
    [RegularExpression(LogGroupPattern, ErrorMessage = "Admin__LogGroupWorker must be a CloudWatch log group name such as /gamepulse/worker.")]
    public string LogGroupWorker { get; set; } = "/gamepulse/worker";

    [Required]
    [RegularExpression(LogGroupPattern, ErrorMessage = "Admin__LogGroupNginx must be a CloudWatch log group name such as /gamepulse/nginx.")]
    public string LogGroupNginx { get; set; } = "/gamepulse/nginx";

    // What CloudWatch accepts in a log group name.
    private const string LogGroupPattern = "^[A-Za-z0-9_./#-]{1,512}$";
}
