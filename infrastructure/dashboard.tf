resource "aws_cloudwatch_dashboard" "main" {
  dashboard_name = local.name

  dashboard_body = jsonencode({
    widgets = [
      {
        type   = "metric"
        x      = 0
        y      = 0
        width  = 12
        height = 6
        properties = {
          title   = "Successful ingest runs by league (5 min)"
          region  = var.aws_region
          view    = "timeSeries"
          stat    = "Sum"
          period  = 300
          metrics = [for l in var.leagues : [local.metric_namespace, "IngestRunsSucceeded", "League", l]]
        }
      },
      {
        type   = "metric"
        x      = 12
        y      = 0
        width  = 12
        height = 6
        properties = {
          title  = "Failures (5 min)"
          region = var.aws_region
          view   = "timeSeries"
          stat   = "Sum"
          period = 300
          metrics = [
            [local.metric_namespace, "IngestRunsFailed", { label = "Failed ingest runs" }],
            [local.metric_namespace, "WorkerErrors", { label = "Worker errors" }],
            [local.metric_namespace, "EmailDeliveryFailed", { label = "Email failures" }],
            [local.metric_namespace, "ServerErrors", { label = "nginx 5xx" }],
          ]
        }
      },
      {
        type   = "metric"
        x      = 0
        y      = 6
        width  = 12
        height = 6
        properties = {
          title  = "Instance CPU and credits"
          region = var.aws_region
          view   = "timeSeries"
          period = 300
          metrics = [
            ["AWS/EC2", "CPUUtilization", "InstanceId", aws_instance.app.id, { stat = "Average", label = "CPU %" }],
            ["AWS/EC2", "CPUCreditBalance", "InstanceId", aws_instance.app.id, { stat = "Average", label = "CPU credits", yAxis = "right" }],
          ]
        }
      },
      {
        type   = "alarm"
        x      = 12
        y      = 6
        width  = 12
        height = 6
        properties = {
          title = "Alarms"
          alarms = concat(
            [
              aws_cloudwatch_metric_alarm.worker_errors.arn,
              aws_cloudwatch_metric_alarm.ingest_failed.arn,
              aws_cloudwatch_metric_alarm.email_failed.arn,
              aws_cloudwatch_metric_alarm.server_errors.arn,
              aws_cloudwatch_metric_alarm.instance_status.arn,
            ],
            [for a in aws_cloudwatch_metric_alarm.ingest_stale : a.arn],
          )
        }
      },
      {
        type   = "log"
        x      = 0
        y      = 12
        width  = 24
        height = 8
        properties = {
          title  = "Latest ingest runs"
          region = var.aws_region
          view   = "table"
          query  = "SOURCE '${local.log_groups.worker}' | fields @timestamp, Properties.League, Properties.Date, Properties.Outcome, Properties.GamesSeen, Properties.Inserted, Properties.Updated, Properties.DurationMs, Properties.Error | filter MessageTemplate like /^Ingest run/ | sort @timestamp desc | limit 50"
        }
      },
      {
        type   = "log"
        x      = 0
        y      = 20
        width  = 24
        height = 6
        properties = {
          title  = "Recent worker errors"
          region = var.aws_region
          view   = "table"
          query  = "SOURCE '${local.log_groups.worker}' | fields @timestamp, Level, RenderedMessage, Exception | filter Level = 'Error' or Level = 'Fatal' | sort @timestamp desc | limit 20"
        }
      },
    ]
  })
}
