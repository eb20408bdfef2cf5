# Shared names and look-ups. Resources are split by concern:
#   network.tf  VPC, subnet, routing, security group
#   compute.tf  EC2 instance, Elastic IP, user data
#   storage.tf  PostgreSQL EBS volume + DLM snapshots
#   bundle.tf   S3 bucket with the compose/nginx/host files the instance runs
#   iam.tf      instance role (least privilege), DLM role
#   ecr.tf      image repositories
#   ssm.tf      app settings and secrets (Parameter Store)
#   dns.tf      site A record
#   ses.tf      SES domain identity, DKIM/SPF/DMARC/MAIL FROM
#   logs.tf     log groups, metric filters, saved queries
#   alarms.tf   SNS topic and alarms
#   dashboard.tf CloudWatch dashboard

data "aws_caller_identity" "current" {}

data "aws_partition" "current" {}

data "aws_availability_zones" "available" {
  state = "available"
}

locals {
  name = "gamepulse-${var.environment}"

  account_id = data.aws_caller_identity.current.account_id
  partition  = data.aws_partition.current.partition

  availability_zone = var.availability_zone != "" ? var.availability_zone : data.aws_availability_zones.available.names[0]

  email_domain     = var.email_domain != "" ? var.email_domain : var.domain_name
  mail_from_domain = "${var.mail_from_subdomain}.${local.email_domain}"
  from_address     = "${var.email_from_local_part}@${local.email_domain}"

  # Everything under this path is turned into /opt/gamepulse/.env on the
  # instance (parameter name = variable name), see host/render-env.py.
  ssm_env_path = "/gamepulse/${var.environment}/env"

  # Log group names are fixed: the apps' Admin__LogGroup* settings, the compose
  # prod file and the docs all use them.
  log_groups = {
    web    = "/gamepulse/web"
    worker = "/gamepulse/worker"
    nginx  = "/gamepulse/nginx"
  }

  ecr_registry = "${local.account_id}.dkr.ecr.${var.aws_region}.amazonaws.com"

  app_dir  = "/opt/gamepulse"
  data_dir = "/srv/gamepulse"

  metric_namespace = "GamePulse"
}
