# Deployment bundle: the files the instance runs (compose files, nginx config,
# host scripts and systemd units) are uploaded to a private bucket and synced
# to /opt/gamepulse by the host. This keeps the user data far below EC2's 16 KB
# limit, and a config change is a `terraform apply` + `systemctl reload
# gamepulse` instead of a new instance.

resource "aws_s3_bucket" "bundle" {
  bucket_prefix = "${local.name}-bundle-"
  force_destroy = true # only copies of files from this repository live here
}

resource "aws_s3_bucket_public_access_block" "bundle" {
  bucket = aws_s3_bucket.bundle.id

  block_public_acls       = true
  block_public_policy     = true
  ignore_public_acls      = true
  restrict_public_buckets = true
}

resource "aws_s3_bucket_ownership_controls" "bundle" {
  bucket = aws_s3_bucket.bundle.id

  rule {
    object_ownership = "BucketOwnerEnforced"
  }
}

resource "aws_s3_bucket_server_side_encryption_configuration" "bundle" {
  bucket = aws_s3_bucket.bundle.id

  rule {
    apply_server_side_encryption_by_default {
      sse_algorithm = "AES256"
    }
  }
}

resource "aws_s3_bucket_versioning" "bundle" {
  bucket = aws_s3_bucket.bundle.id

  versioning_configuration {
    status = "Enabled"
  }
}

locals {
  repo_root = "${path.module}/.."

  # Values the host scripts are rendered with.
  host_vars = {
    app_dir             = local.app_dir
    data_dir            = local.data_dir
    aws_region          = var.aws_region
    ssm_env_path        = local.ssm_env_path
    ecr_registry        = local.ecr_registry
    bundle_bucket       = aws_s3_bucket.bundle.id
    domain_name         = var.domain_name
    letsencrypt_email   = var.letsencrypt_email
    letsencrypt_staging = var.letsencrypt_staging
  }

  # Static files copied verbatim (the nginx test harness is not needed on the host).
  bundle_static_files = merge(
    {
      "docker-compose.yml"      = "${local.repo_root}/docker-compose.yml"
      "docker-compose.prod.yml" = "${local.repo_root}/docker-compose.prod.yml"
    },
    {
      for f in fileset("${local.repo_root}/nginx", "**") :
      "nginx/${f}" => "${local.repo_root}/nginx/${f}"
      if !startswith(f, "test/")
    },
    {
      "systemd/gamepulse.service"       = "${path.module}/host/gamepulse.service"
      "systemd/gamepulse-certs.service" = "${path.module}/host/gamepulse-certs.service"
      "systemd/gamepulse-certs.timer"   = "${path.module}/host/gamepulse-certs.timer"
      "bin/render-env.py"               = "${path.module}/host/render-env.py"
    },
  )

  # Host scripts rendered with templatefile().
  bundle_templates = {
    "bin/gamepulse-env.sh" = "${path.module}/host/gamepulse-env.sh.tftpl"
    "bin/prepare.sh"       = "${path.module}/host/prepare.sh.tftpl"
    "bin/deploy.sh"        = "${path.module}/host/deploy.sh.tftpl"
    "bin/certs.sh"         = "${path.module}/host/certs.sh.tftpl"
  }
}

resource "aws_s3_object" "bundle_static" {
  for_each = local.bundle_static_files

  bucket = aws_s3_bucket.bundle.id
  key    = "bundle/${each.key}"
  source = each.value
  etag   = filemd5(each.value)
}

resource "aws_s3_object" "bundle_template" {
  for_each = local.bundle_templates

  bucket  = aws_s3_bucket.bundle.id
  key     = "bundle/${each.key}"
  content = templatefile(each.value, local.host_vars)
}
