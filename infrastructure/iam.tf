# ---------------------------------------------------------------------------
# Instance role: what the host (dockerd, awslogs driver, SSM agent, deploy
# scripts) and the containers (AWS SDK via IMDSv2, hop limit 2) may do.
# ---------------------------------------------------------------------------

data "aws_iam_policy_document" "ec2_assume" {
  statement {
    actions = ["sts:AssumeRole"]

    principals {
      type        = "Service"
      identifiers = ["ec2.amazonaws.com"]
    }
  }
}

resource "aws_iam_role" "instance" {
  name               = "${local.name}-instance"
  description        = "GamePulse EC2 host: ECR pull, CloudWatch Logs, SES send, SSM"
  assume_role_policy = data.aws_iam_policy_document.ec2_assume.json
}

# Session Manager (shell without SSH), Run Command, inventory.
resource "aws_iam_role_policy_attachment" "ssm_core" {
  role       = aws_iam_role.instance.name
  policy_arn = "arn:${local.partition}:iam::aws:policy/AmazonSSMManagedInstanceCore"
}

resource "aws_iam_instance_profile" "instance" {
  name = "${local.name}-instance"
  role = aws_iam_role.instance.name
}

data "aws_iam_policy_document" "instance" {
  # --- ECR: pull the two application images -------------------------------
  statement {
    sid       = "EcrAuth"
    actions   = ["ecr:GetAuthorizationToken"] # account-wide by design, no resource-level support
    resources = ["*"]
  }

  statement {
    sid = "EcrPull"
    actions = [
      "ecr:BatchCheckLayerAvailability",
      "ecr:BatchGetImage",
      "ecr:GetDownloadUrlForLayer",
    ]
    resources = [for r in aws_ecr_repository.app : r.arn]
  }

  # --- CloudWatch Logs: the awslogs driver writes the three groups ---------
  # (groups are created here, not by the driver: awslogs-create-group=false)
  statement {
    sid     = "LogsWrite"
    actions = ["logs:CreateLogStream", "logs:PutLogEvents"]
    resources = [
      for g in aws_cloudwatch_log_group.app : "${g.arn}:log-stream:*"
    ]
  }

  # --- CloudWatch Logs: the admin pages read the same groups ---------------
  statement {
    sid = "LogsReadForAdmin"
    actions = [
      "logs:DescribeLogStreams",
      "logs:FilterLogEvents",
      "logs:GetLogEvents",
      "logs:StartQuery",
    ]
    resources = concat(
      [for g in aws_cloudwatch_log_group.app : g.arn],
      [for g in aws_cloudwatch_log_group.app : "${g.arn}:*"],
    )
  }

  statement {
    sid = "LogsQueryResults"
    # Query ids are not resources; these actions have no resource-level support.
    actions   = ["logs:GetQueryResults", "logs:StopQuery"]
    resources = ["*"]
  }

  # --- SES: send as the verified domain only -------------------------------
  statement {
    sid     = "SesSend"
    actions = ["ses:SendEmail", "ses:SendRawEmail"]
    # SES v2 checks the identity AND the configuration set named in the call.
    resources = [
      aws_sesv2_email_identity.domain.arn,
      aws_sesv2_configuration_set.main.arn,
    ]

    dynamic "condition" {
      for_each = var.ses_restrict_from_address ? [1] : []
      content {
        test     = "StringEquals"
        variable = "ses:FromAddress"
        values   = [local.from_address]
      }
    }
  }

  # --- SSM Parameter Store: the app's settings and secrets -----------------
  # SecureStrings use the AWS-managed aws/ssm key, whose key policy already
  # allows decryption through SSM for principals of this account.
  statement {
    sid = "SsmReadAppParameters"
    actions = [
      "ssm:GetParameter",
      "ssm:GetParameters",
      "ssm:GetParametersByPath",
    ]
    resources = [
      "arn:${local.partition}:ssm:${var.aws_region}:${local.account_id}:parameter${local.ssm_env_path}",
      "arn:${local.partition}:ssm:${var.aws_region}:${local.account_id}:parameter${local.ssm_env_path}/*",
    ]
  }

  # --- S3: the deployment bundle (compose files, nginx config, scripts) ----
  statement {
    sid       = "BundleList"
    actions   = ["s3:ListBucket"]
    resources = [aws_s3_bucket.bundle.arn]
  }

  statement {
    sid       = "BundleRead"
    actions   = ["s3:GetObject"]
    resources = ["${aws_s3_bucket.bundle.arn}/*"]
  }
}

resource "aws_iam_role_policy" "instance" {
  name   = "gamepulse-app"
  role   = aws_iam_role.instance.id
  policy = data.aws_iam_policy_document.instance.json
}

# ---------------------------------------------------------------------------
# Data Lifecycle Manager role (creates/deletes the daily snapshots).
# ---------------------------------------------------------------------------

data "aws_iam_policy_document" "dlm_assume" {
  statement {
    actions = ["sts:AssumeRole"]

    principals {
      type        = "Service"
      identifiers = ["dlm.amazonaws.com"]
    }
  }
}

resource "aws_iam_role" "dlm" {
  name               = "${local.name}-dlm"
  description        = "DLM snapshots of the GamePulse PostgreSQL volume"
  assume_role_policy = data.aws_iam_policy_document.dlm_assume.json
}

resource "aws_iam_role_policy_attachment" "dlm" {
  role       = aws_iam_role.dlm.name
  policy_arn = "arn:${local.partition}:iam::aws:policy/service-role/AWSDataLifecycleManagerServiceRole"
}
