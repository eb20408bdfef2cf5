# Alarms -> SNS topic -> e-mail (confirm the subscription mail after apply).

resource "aws_sns_topic" "alarms" {
  name = "${local.name}-alarms"
}

resource "aws_sns_topic_subscription" "alarm_email" {
  count = var.alarm_email != "" ? 1 : 0

  topic_arn = aws_sns_topic.alarms.arn
  protocol  = "email"
  endpoint  = var.alarm_email
}

locals {
  alarm_actions = [aws_sns_topic.alarms.arn]
}

resource "aws_cloudwatch_metric_alarm" "worker_errors" {
  alarm_name          = "${local.name}-worker-errors"
  alarm_description   = "The worker logged ${var.worker_error_threshold}+ Error/Fatal events in 5 minutes. Query: GamePulse/Worker errors."
  namespace           = local.metric_namespace
  metric_name         = "WorkerErrors"
  statistic           = "Sum"
  period              = 300
  evaluation_periods  = 1
  threshold           = var.worker_error_threshold
  comparison_operator = "GreaterThanOrEqualToThreshold"
  treat_missing_data  = "notBreaching"
  alarm_actions       = local.alarm_actions
  ok_actions          = local.alarm_actions
}

resource "aws_cloudwatch_metric_alarm" "ingest_failed" {
  alarm_name          = "${local.name}-ingest-runs-failed"
  alarm_description   = "${var.failed_run_threshold}+ ingest runs failed within 15 minutes. Query: GamePulse/Ingest runs by league and date."
  namespace           = local.metric_namespace
  metric_name         = "IngestRunsFailed"
  statistic           = "Sum"
  period              = 900
  evaluation_periods  = 1
  threshold           = var.failed_run_threshold
  comparison_operator = "GreaterThanOrEqualToThreshold"
  treat_missing_data  = "notBreaching"
  alarm_actions       = local.alarm_actions
  ok_actions          = local.alarm_actions
}

# Staleness: no successful run for a league in staleness_minutes. Missing data
# = no runs at all (worker down, schedule broken) = breaching.
resource "aws_cloudwatch_metric_alarm" "ingest_stale" {
  for_each = toset(var.leagues)

  alarm_name          = "${local.name}-ingest-stale-${each.key}"
  alarm_description   = "No successful ingest run for league ${each.key} in ${var.staleness_minutes} minutes: scores are going stale."
  namespace           = local.metric_namespace
  metric_name         = "IngestRunsSucceeded"
  dimensions          = { League = each.key }
  statistic           = "Sum"
  period              = 300
  evaluation_periods  = var.staleness_minutes / 5
  datapoints_to_alarm = var.staleness_minutes / 5
  threshold           = 1
  comparison_operator = "LessThanThreshold"
  treat_missing_data  = "breaching"
  alarm_actions       = local.alarm_actions
  ok_actions          = local.alarm_actions
}

resource "aws_cloudwatch_metric_alarm" "email_failed" {
  alarm_name          = "${local.name}-email-delivery-failed"
  alarm_description   = "E-mail delivery failed. Query: GamePulse/Email delivery failures."
  namespace           = local.metric_namespace
  metric_name         = "EmailDeliveryFailed"
  statistic           = "Sum"
  period              = 300
  evaluation_periods  = 1
  threshold           = 1
  comparison_operator = "GreaterThanOrEqualToThreshold"
  treat_missing_data  = "notBreaching"
  alarm_actions       = local.alarm_actions
  ok_actions          = local.alarm_actions
}

resource "aws_cloudwatch_metric_alarm" "server_errors" {
  alarm_name          = "${local.name}-server-errors"
  alarm_description   = "nginx answered ${var.server_error_threshold}+ 5xx responses in 5 minutes (503 = maintenance page, app down)."
  namespace           = local.metric_namespace
  metric_name         = "ServerErrors"
  statistic           = "Sum"
  period              = 300
  evaluation_periods  = 1
  threshold           = var.server_error_threshold
  comparison_operator = "GreaterThanOrEqualToThreshold"
  treat_missing_data  = "notBreaching"
  alarm_actions       = local.alarm_actions
  ok_actions          = local.alarm_actions
}

# Hardware/hypervisor trouble: recover the instance onto healthy hardware
# (same instance id, EIP, EBS volumes).
resource "aws_cloudwatch_metric_alarm" "instance_status" {
  alarm_name          = "${local.name}-instance-status-check"
  alarm_description   = "EC2 system status check failed: the instance is being recovered."
  namespace           = "AWS/EC2"
  metric_name         = "StatusCheckFailed_System"
  dimensions          = { InstanceId = aws_instance.app.id }
  statistic           = "Maximum"
  period              = 60
  evaluation_periods  = 2
  threshold           = 1
  comparison_operator = "GreaterThanOrEqualToThreshold"
  treat_missing_data  = "missing"
  alarm_actions       = concat(local.alarm_actions, ["arn:${local.partition}:automate:${var.aws_region}:ec2:recover"])
  ok_actions          = local.alarm_actions
}
