# Latest Amazon Linux 2023 AMI, looked up through the public SSM parameter.
data "aws_ssm_parameter" "al2023" {
  name = "/aws/service/ami-amazon-linux-latest/al2023-ami-kernel-default-x86_64"
}

resource "aws_instance" "app" {
  ami                    = nonsensitive(data.aws_ssm_parameter.al2023.value)
  instance_type          = var.instance_type
  subnet_id              = aws_subnet.public.id
  vpc_security_group_ids = [aws_security_group.web.id]
  iam_instance_profile   = aws_iam_instance_profile.instance.name

  # No key pair: access is through SSM Session Manager only.

  metadata_options {
    http_endpoint = "enabled"
    http_tokens   = "required" # IMDSv2 only
    # 2 hops: containers on the docker bridge network reach IMDS through one
    # extra hop; the AWS SDK in web/worker gets the instance role from there.
    http_put_response_hop_limit = 2
  }

  root_block_device {
    volume_type           = "gp3"
    volume_size           = var.root_volume_size_gb
    encrypted             = true
    delete_on_termination = true
  }

  user_data = templatefile("${path.module}/templates/user_data.sh.tftpl", {
    aws_region      = var.aws_region
    app_dir         = local.app_dir
    data_dir        = local.data_dir
    data_volume_id  = aws_ebs_volume.data.id
    bundle_bucket   = aws_s3_bucket.bundle.id
    compose_version = var.compose_version
  })

  # Changed user data is picked up by replacing the instance (the data volume
  # and Elastic IP move over). Day-to-day changes don't need that: they go
  # through the S3 bundle + `systemctl reload gamepulse`.
  user_data_replace_on_change = true

  tags = { Name = local.name }

  lifecycle {
    # A new AMI release must not replace the running instance on the next
    # apply; roll AMIs deliberately (terraform apply -replace=aws_instance.app).
    ignore_changes = [ami]
  }

  # The bundle must be complete before the first boot syncs it.
  depends_on = [
    aws_s3_object.bundle_static,
    aws_s3_object.bundle_template,
    aws_iam_role_policy.instance,
  ]
}

resource "aws_eip" "app" {
  domain = "vpc"

  tags = { Name = local.name }

  depends_on = [aws_internet_gateway.main]
}

resource "aws_eip_association" "app" {
  instance_id   = aws_instance.app.id
  allocation_id = aws_eip.app.id
}
