# ---------------------------------------------------------------------------
# General
# ---------------------------------------------------------------------------

variable "aws_region" {
  description = "AWS region for everything (SES identity, ECR, EC2, CloudWatch)."
  type        = string
  default     = "us-east-1"

  validation {
    condition     = can(regex("^[a-z]{2}(-gov)?-[a-z]+-[0-9]$", var.aws_region))
    error_message = "aws_region must look like us-east-1."
  }
}

variable "environment" {
  description = "Environment name, used in resource names and the SSM parameter path."
  type        = string
  default     = "prod"

  validation {
    condition     = can(regex("^[a-z][a-z0-9-]{1,15}$", var.environment))
    error_message = "environment: 2-16 lowercase letters, digits or dashes, starting with a letter."
  }
}

variable "extra_tags" {
  description = "Additional tags applied to every resource."
  type        = map(string)
  default     = {}
}

# ---------------------------------------------------------------------------
# DNS and site
# ---------------------------------------------------------------------------

variable "hosted_zone_name" {
  description = "Existing Route 53 public hosted zone (e.g. example.com) that holds the site and email records."
  type        = string

  validation {
    condition     = can(regex("^([a-z0-9-]+\\.)+[a-z]{2,}\\.?$", var.hosted_zone_name))
    error_message = "hosted_zone_name must be a DNS name such as example.com."
  }
}

variable "domain_name" {
  description = "Host name of the site (A record to the Elastic IP), e.g. gamepulse.example.com. Must be inside hosted_zone_name."
  type        = string

  validation {
    condition     = can(regex("^([a-z0-9-]+\\.)+[a-z]{2,}$", var.domain_name))
    error_message = "domain_name must be a lowercase DNS name without a trailing dot."
  }
}

variable "letsencrypt_email" {
  description = "Contact address for the Let's Encrypt account (expiry notices)."
  type        = string

  validation {
    condition     = can(regex("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$", var.letsencrypt_email))
    error_message = "letsencrypt_email must be an e-mail address."
  }
}

variable "letsencrypt_staging" {
  description = "Use the Let's Encrypt staging CA (untrusted certificates, generous rate limits) while testing the setup."
  type        = bool
  default     = false
}

# ---------------------------------------------------------------------------
# Email (SES)
# ---------------------------------------------------------------------------

variable "email_domain" {
  description = "Domain verified in SES and used in the From address. Empty = domain_name."
  type        = string
  default     = ""

  validation {
    condition     = var.email_domain == "" || can(regex("^([a-z0-9-]+\\.)+[a-z]{2,}$", var.email_domain))
    error_message = "email_domain must be empty or a lowercase DNS name."
  }
}

variable "email_from_local_part" {
  description = "Local part of the From address (Ses__FromAddress = <this>@<email_domain>)."
  type        = string
  default     = "no-reply"

  validation {
    condition     = can(regex("^[A-Za-z0-9._+-]+$", var.email_from_local_part))
    error_message = "email_from_local_part may contain letters, digits and . _ + - only."
  }
}

variable "mail_from_subdomain" {
  description = "Subdomain (of email_domain) used as the custom MAIL FROM domain, for SPF alignment of bounces."
  type        = string
  default     = "bounce"

  validation {
    condition     = can(regex("^[a-z0-9-]+$", var.mail_from_subdomain))
    error_message = "mail_from_subdomain must be a single DNS label."
  }
}

variable "manage_email_domain_spf" {
  description = "Create the SPF TXT record on email_domain itself. Set false when that name already has a TXT record managed elsewhere (Route 53 allows one TXT record set per name); then add include:amazonses.com to it by hand."
  type        = bool
  default     = true
}

variable "dmarc_policy" {
  description = "DMARC policy published at _dmarc.<email_domain>."
  type        = string
  default     = "quarantine"

  validation {
    condition     = contains(["none", "quarantine", "reject"], var.dmarc_policy)
    error_message = "dmarc_policy must be none, quarantine or reject."
  }
}

variable "dmarc_report_email" {
  description = "Address for DMARC aggregate reports (rua). Empty = no reports."
  type        = string
  default     = ""
}

variable "ses_restrict_from_address" {
  description = "Limit the instance role to sending with the configured From address (ses:FromAddress condition)."
  type        = bool
  default     = true
}

# ---------------------------------------------------------------------------
# Compute and storage
# ---------------------------------------------------------------------------

variable "vpc_cidr" {
  description = "CIDR block of the VPC."
  type        = string
  default     = "10.42.0.0/16"

  validation {
    condition     = can(cidrnetmask(var.vpc_cidr))
    error_message = "vpc_cidr must be a valid IPv4 CIDR block."
  }
}

variable "public_subnet_cidr" {
  description = "CIDR block of the single public subnet (must be inside vpc_cidr)."
  type        = string
  default     = "10.42.1.0/24"

  validation {
    condition     = can(cidrnetmask(var.public_subnet_cidr))
    error_message = "public_subnet_cidr must be a valid IPv4 CIDR block."
  }
}

variable "availability_zone" {
  description = "AZ for the subnet, instance and data volume. Empty = the region's first AZ."
  type        = string
  default     = ""
}

variable "instance_type" {
  description = "EC2 instance type. The compose limits are sized for t3.small (2 vCPU, 2 GiB)."
  type        = string
  default     = "t3.small"

  validation {
    condition     = can(regex("^[a-z][a-z0-9]*\\.[a-z0-9]+$", var.instance_type))
    error_message = "instance_type must look like t3.small."
  }
}

variable "root_volume_size_gb" {
  description = "Root volume size (OS, Docker images, container logs)."
  type        = number
  default     = 20

  validation {
    condition     = var.root_volume_size_gb >= 10 && var.root_volume_size_gb <= 200
    error_message = "root_volume_size_gb must be between 10 and 200."
  }
}

variable "data_volume_size_gb" {
  description = "Size of the separate, encrypted gp3 EBS volume holding the PostgreSQL data."
  type        = number
  default     = 20

  validation {
    condition     = var.data_volume_size_gb >= 5 && var.data_volume_size_gb <= 1000
    error_message = "data_volume_size_gb must be between 5 and 1000."
  }
}

variable "snapshot_retention_count" {
  description = "Number of daily snapshots of the data volume that DLM keeps."
  type        = number
  default     = 14

  validation {
    condition     = var.snapshot_retention_count >= 1 && var.snapshot_retention_count <= 1000
    error_message = "snapshot_retention_count must be between 1 and 1000."
  }
}

variable "snapshot_time_utc" {
  description = "Daily snapshot time (UTC, HH:MM). Default is the middle of the US night, outside game hours."
  type        = string
  default     = "09:00"

  validation {
    condition     = can(regex("^([01][0-9]|2[0-3]):[0-5][0-9]$", var.snapshot_time_utc))
    error_message = "snapshot_time_utc must be HH:MM (24h)."
  }
}

variable "compose_version" {
  description = "Docker Compose v2 plugin release installed on the instance (Amazon Linux 2023 does not package it)."
  type        = string
  default     = "v2.29.7"

  validation {
    condition     = can(regex("^v2\\.[0-9]+\\.[0-9]+$", var.compose_version))
    error_message = "compose_version must look like v2.29.7."
  }
}

variable "web_replicas" {
  description = "Number of GamePulse.Web containers (WEB_REPLICAS). 1-2 fit a t3.small."
  type        = number
  default     = 1

  validation {
    condition     = var.web_replicas >= 1 && var.web_replicas <= 8
    error_message = "web_replicas must be between 1 and 8."
  }
}

variable "initial_image_tag" {
  description = "Initial value of the IMAGE_TAG parameter. Deployments change the parameter afterwards (Terraform ignores later changes)."
  type        = string
  default     = "unset"

  validation {
    condition     = can(regex("^[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}$", var.initial_image_tag))
    error_message = "initial_image_tag must be a valid Docker tag."
  }
}

# ---------------------------------------------------------------------------
# Application settings (written to SSM Parameter Store, read into .env)
# ---------------------------------------------------------------------------

variable "ingestion_source" {
  description = "Score feed used by the worker (Ingestion__Source)."
  type        = string
  default     = "espn"

  validation {
    condition     = contains(["espn", "ncaa"], var.ingestion_source)
    error_message = "ingestion_source must be espn or ncaa."
  }
}

variable "admin_emails" {
  description = "E-mail addresses allowed into /admin (Admin__Emails)."
  type        = list(string)
  default     = []

  validation {
    condition     = alltrue([for e in var.admin_emails : can(regex("^[^@\\s,]+@[^@\\s,]+$", e))])
    error_message = "admin_emails must be e-mail addresses (no commas)."
  }
}

variable "log_level" {
  description = "Logging__MinimumLevel for both apps."
  type        = string
  default     = "Information"

  validation {
    condition     = contains(["Verbose", "Debug", "Information", "Warning", "Error", "Fatal"], var.log_level)
    error_message = "log_level must be a Serilog level (Verbose, Debug, Information, Warning, Error, Fatal)."
  }
}

variable "extra_app_settings" {
  description = "More non-secret app settings, by environment-variable name (e.g. { \"Ingestion__EspnBaseUrl\" = \"https://...\" }). Secrets: put SecureString parameters under the same path by hand (see docs/operations.md)."
  type        = map(string)
  default     = {}

  validation {
    condition     = alltrue([for k, v in var.extra_app_settings : can(regex("^[A-Za-z_][A-Za-z0-9_]*$", k)) && v != ""])
    error_message = "extra_app_settings keys must be environment-variable names and values must not be empty."
  }
}

# ---------------------------------------------------------------------------
# Logs and alarms
# ---------------------------------------------------------------------------

variable "log_retention_days" {
  description = "Retention of the /gamepulse/* log groups."
  type        = number
  default     = 30

  validation {
    condition     = contains([1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653], var.log_retention_days)
    error_message = "log_retention_days must be a value CloudWatch Logs accepts (1, 3, 5, 7, 14, 30, 60, 90, ...)."
  }
}

variable "alarm_email" {
  description = "Address subscribed to the alarm SNS topic (confirm the subscription email). Empty = no subscription."
  type        = string
  default     = ""

  validation {
    condition     = var.alarm_email == "" || can(regex("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$", var.alarm_email))
    error_message = "alarm_email must be empty or an e-mail address."
  }
}

variable "leagues" {
  description = "League keys as logged by the worker (Properties.League of \"Ingest run\" events). One staleness alarm per league."
  type        = list(string)
  default     = ["mens", "womens"]

  validation {
    condition     = length(var.leagues) > 0 && alltrue([for l in var.leagues : can(regex("^[A-Za-z0-9_-]+$", l))])
    error_message = "leagues must be a non-empty list of simple keys."
  }
}

variable "staleness_minutes" {
  description = "Alarm when a league has had no successful ingest run for this many minutes."
  type        = number
  default     = 30

  validation {
    condition     = var.staleness_minutes >= 10 && var.staleness_minutes % 5 == 0 && var.staleness_minutes <= 1440
    error_message = "staleness_minutes must be a multiple of 5 between 10 and 1440."
  }
}

variable "worker_error_threshold" {
  description = "Alarm when the worker logs at least this many Error/Fatal events in 5 minutes."
  type        = number
  default     = 5

  validation {
    condition     = var.worker_error_threshold >= 1
    error_message = "worker_error_threshold must be at least 1."
  }
}

variable "failed_run_threshold" {
  description = "Alarm when at least this many ingest runs fail within 15 minutes."
  type        = number
  default     = 3

  validation {
    condition     = var.failed_run_threshold >= 1
    error_message = "failed_run_threshold must be at least 1."
  }
}

variable "server_error_threshold" {
  description = "Alarm when nginx answers at least this many 5xx responses in 5 minutes."
  type        = number
  default     = 20

  validation {
    condition     = var.server_error_threshold >= 1
    error_message = "server_error_threshold must be at least 1."
  }
}
