# PostgreSQL data lives on its own encrypted gp3 volume, not on the root
# volume: the instance can be replaced (new AMI, new user data) without touching
# the data, and DLM snapshots only this volume.

resource "aws_ebs_volume" "data" {
  availability_zone = local.availability_zone
  size              = var.data_volume_size_gb
  type              = "gp3"
  encrypted         = true

  tags = {
    Name = "${local.name}-postgres"
    # DLM selects volumes by this tag.
    Snapshot = "${local.name}-daily"
  }

  lifecycle {
    # Losing this volume means losing the database.
    prevent_destroy = true
  }
}

resource "aws_volume_attachment" "data" {
  # Appears as /dev/nvme1n1 on Nitro instances; the user data finds it by the
  # volume id instead (/dev/disk/by-id/nvme-Amazon_Elastic_Block_Store_vol...).
  device_name = "/dev/sdf"
  volume_id   = aws_ebs_volume.data.id
  instance_id = aws_instance.app.id

  # Stop the instance (flushing PostgreSQL) before detaching on replacement.
  stop_instance_before_detaching = true
}

resource "aws_dlm_lifecycle_policy" "data" {
  description        = "${local.name}: daily snapshots of the PostgreSQL volume"
  execution_role_arn = aws_iam_role.dlm.arn
  state              = "ENABLED"

  policy_details {
    resource_types = ["VOLUME"]

    target_tags = {
      Snapshot = "${local.name}-daily"
    }

    schedule {
      name = "daily"

      create_rule {
        interval      = 24
        interval_unit = "HOURS"
        times         = [var.snapshot_time_utc]
      }

      retain_rule {
        count = var.snapshot_retention_count
      }

      tags_to_add = {
        SnapshotCreator = "dlm"
      }

      copy_tags = true
    }
  }
}
