# App settings and secrets in SSM Parameter Store.
#
# Convention: every parameter under ${local.ssm_env_path}/ becomes one line of
# /opt/gamepulse/.env on the instance, with the parameter's last path segment
# as the variable name, e.g.
#   /gamepulse/prod/env/Ses__FromAddress           -> Ses__FromAddress=...
#   /gamepulse/prod/env/Ingestion__NcaaApiKey      -> Ingestion__NcaaApiKey=... (SecureString, added by hand)
# The host re-reads them on every (re)start and deploy, so adding or rotating a
# setting = put-parameter + `systemctl reload gamepulse` (docs/operations.md).

locals {
  # Non-secret settings managed here. Empty values are skipped (SSM rejects
  # them, and an unset variable lets the app's own default apply).
  app_settings = {
    for k, v in merge(
      {
        Site__PublicBaseUrl   = "https://${var.domain_name}"
        Logging__MinimumLevel = var.log_level
        Ingestion__Source     = var.ingestion_source
        Ses__Region           = var.aws_region
        Ses__FromAddress      = local.from_address
        Ses__ConfigurationSet = aws_sesv2_configuration_set.main.configuration_set_name
        Admin__Emails         = join(",", var.admin_emails)
        Admin__AwsRegion      = var.aws_region
        Admin__LogGroupWeb    = local.log_groups.web
        Admin__LogGroupWorker = local.log_groups.worker
        Admin__LogGroupNginx  = local.log_groups.nginx
        WEB_REPLICAS          = tostring(var.web_replicas)
      },
      var.extra_app_settings,
    ) : k => v if v != ""
  }
}

resource "aws_ssm_parameter" "app_setting" {
  for_each = local.app_settings

  name        = "${local.ssm_env_path}/${each.key}"
  description = "GamePulse setting ${each.key} (managed by Terraform)"
  type        = "String"
  value       = each.value
}

# Database password: generated once, letters and digits only (it is embedded in
# a connection string and a .env file). It lives in the Terraform state too:
# keep the state in an encrypted backend.
resource "random_password" "postgres" {
  length  = 32
  special = false
}

resource "aws_ssm_parameter" "postgres_password" {
  name        = "${local.ssm_env_path}/POSTGRES_PASSWORD"
  description = "GamePulse PostgreSQL password (only read when the database is first created, see docs/operations.md for rotation)"
  type        = "SecureString"
  value       = random_password.postgres.result

  lifecycle {
    # Rotation happens in the database and in SSM together, outside Terraform.
    ignore_changes = [value]
  }
}

# The image tag to run. Deployments overwrite it (push images, put-parameter,
# `systemctl reload gamepulse`), so Terraform only sets the initial value.
resource "aws_ssm_parameter" "image_tag" {
  name        = "${local.ssm_env_path}/IMAGE_TAG"
  description = "GamePulse image tag deployed on the instance (set by deployments)"
  type        = "String"
  value       = var.initial_image_tag

  lifecycle {
    ignore_changes = [value]
  }
}
