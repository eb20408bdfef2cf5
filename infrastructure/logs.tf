# Log groups for the three containers' stdout (awslogs driver, see
# docker-compose.prod.yml), metric filters on the JSON log lines, and saved
# Logs Insights queries.
#
# Log line shape (Serilog JsonFormatter):
#   {"Timestamp":"...","Level":"Error","MessageTemplate":"Ingest run ...",
#    "RenderedMessage":"...","Properties":{"service":"worker","League":"mens",...},
#    "Exception":"..."}
# nginx writes the same top-level shape (nginx/templates/gamepulse-http.conf.template).

resource "aws_cloudwatch_log_group" "app" {
  for_each = local.log_groups

  name              = each.value
  retention_in_days = var.log_retention_days
}

# ---------------------------------------------------------------------------
# Metric filters (namespace GamePulse)
# ---------------------------------------------------------------------------

resource "aws_cloudwatch_log_metric_filter" "worker_errors" {
  name           = "gamepulse-worker-errors"
  log_group_name = aws_cloudwatch_log_group.app["worker"].name
  pattern        = "{ ($.Level = \"Error\") || ($.Level = \"Fatal\") }"

  metric_transformation {
    namespace     = local.metric_namespace
    name          = "WorkerErrors"
    value         = "1"
    default_value = "0"
    unit          = "Count"
  }
}

resource "aws_cloudwatch_log_metric_filter" "ingest_failed" {
  name           = "gamepulse-ingest-runs-failed"
  log_group_name = aws_cloudwatch_log_group.app["worker"].name
  pattern        = "{ $.Properties.Outcome = \"failed\" }"

  metric_transformation {
    namespace     = local.metric_namespace
    name          = "IngestRunsFailed"
    value         = "1"
    default_value = "0"
    unit          = "Count"
  }
}

# Runs that brought data: "succeeded", and "partial" (some games updated, the
# rest is covered by the failure metrics/alarms). Used for staleness alarms.
locals {
  ingest_success_pattern = "{ ($.Properties.Outcome = \"succeeded\") || ($.Properties.Outcome = \"partial\") }"
}

# Per league (dimension League). Filters with dimensions cannot have a default
# value, so a league without runs simply has no data points - which is exactly
# what the staleness alarm treats as breaching.
resource "aws_cloudwatch_log_metric_filter" "ingest_succeeded_by_league" {
  name           = "gamepulse-ingest-runs-succeeded-by-league"
  log_group_name = aws_cloudwatch_log_group.app["worker"].name
  pattern        = local.ingest_success_pattern

  metric_transformation {
    namespace = local.metric_namespace
    name      = "IngestRunsSucceeded"
    value     = "1"
    unit      = "Count"
    dimensions = {
      League = "$.Properties.League"
    }
  }
}

# All leagues together (for the dashboard).
resource "aws_cloudwatch_log_metric_filter" "ingest_succeeded_total" {
  name           = "gamepulse-ingest-runs-succeeded-total"
  log_group_name = aws_cloudwatch_log_group.app["worker"].name
  pattern        = local.ingest_success_pattern

  metric_transformation {
    namespace     = local.metric_namespace
    name          = "IngestRunsSucceededTotal"
    value         = "1"
    default_value = "0"
    unit          = "Count"
  }
}

resource "aws_cloudwatch_log_metric_filter" "email_failed" {
  name           = "gamepulse-email-delivery-failed"
  log_group_name = aws_cloudwatch_log_group.app["worker"].name
  pattern        = "{ $.MessageTemplate = \"Email delivery failed*\" }"

  metric_transformation {
    namespace     = local.metric_namespace
    name          = "EmailDeliveryFailed"
    value         = "1"
    default_value = "0"
    unit          = "Count"
  }
}

resource "aws_cloudwatch_log_metric_filter" "nginx_5xx" {
  name           = "gamepulse-nginx-5xx"
  log_group_name = aws_cloudwatch_log_group.app["nginx"].name
  pattern        = "{ $.Properties.StatusCode >= 500 }"

  metric_transformation {
    namespace     = local.metric_namespace
    name          = "ServerErrors"
    value         = "1"
    default_value = "0"
    unit          = "Count"
  }
}

# ---------------------------------------------------------------------------
# Saved Logs Insights queries (console: CloudWatch > Logs Insights > Queries,
# folder "GamePulse").
# ---------------------------------------------------------------------------

resource "aws_cloudwatch_query_definition" "worker_errors" {
  name            = "GamePulse/Worker errors"
  log_group_names = [aws_cloudwatch_log_group.app["worker"].name]

  query_string = <<-EOQ
    fields @timestamp, Level, RenderedMessage, Properties.Job, Properties.League, Exception
    | filter Level = "Error" or Level = "Fatal"
    | sort @timestamp desc
    | limit 200
  EOQ
}

resource "aws_cloudwatch_query_definition" "ingest_runs" {
  name            = "GamePulse/Ingest runs by league and date"
  log_group_names = [aws_cloudwatch_log_group.app["worker"].name]

  query_string = <<-EOQ
    filter MessageTemplate like /^Ingest run/
    | fields Properties.League as League, Properties.Date as GameDate, Properties.Outcome as Outcome,
        Properties.DurationMs as DurationMs, Properties.Inserted as Inserted, Properties.Updated as Updated
    | stats count(*) as Runs, sum(Inserted) as GamesInserted, sum(Updated) as GamesUpdated,
        avg(DurationMs) as AvgMs, max(DurationMs) as MaxMs, latest(@timestamp) as LastRun
      by League, GameDate, Outcome
    | sort LastRun desc
    | limit 500
  EOQ
}

resource "aws_cloudwatch_query_definition" "slow_requests" {
  name            = "GamePulse/Slow requests"
  log_group_names = [aws_cloudwatch_log_group.app["web"].name]

  query_string = <<-EOQ
    fields @timestamp, Properties.Method as Method, Properties.Path as Path,
      Properties.StatusCode as StatusCode, Properties.ElapsedMs as ElapsedMs, Properties.TraceId as TraceId
    | filter MessageTemplate like /^HTTP/ and Properties.ElapsedMs > 1000
    | sort ElapsedMs desc
    | limit 200
  EOQ
}

resource "aws_cloudwatch_query_definition" "email_failures" {
  name = "GamePulse/Email delivery failures"
  log_group_names = [
    aws_cloudwatch_log_group.app["worker"].name,
    aws_cloudwatch_log_group.app["web"].name,
  ]

  query_string = <<-EOQ
    fields @timestamp, Properties.service as Service, Properties.OutboxId as OutboxId,
      Properties.Attempt as Attempt, Properties.Error as Error
    | filter MessageTemplate like /^Email delivery failed/
    | sort @timestamp desc
    | limit 200
  EOQ
}
