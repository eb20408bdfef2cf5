output "site_url" {
  description = "Public URL of the site."
  value       = "https://${var.domain_name}"
}

output "public_ip" {
  description = "Elastic IP of the instance (the A record points here)."
  value       = aws_eip.app.public_ip
}

output "instance_id" {
  description = "EC2 instance id."
  value       = aws_instance.app.id
}

output "ssm_session_command" {
  description = "Shell on the instance through Session Manager (needs the session-manager-plugin locally)."
  value       = "aws ssm start-session --region ${var.aws_region} --target ${aws_instance.app.id}"
}

output "ecr_registry" {
  description = "ECR registry host (docker login target, ECR_REGISTRY)."
  value       = local.ecr_registry
}

output "ecr_repository_urls" {
  description = "Image repositories (push gamepulse-web / gamepulse-worker here)."
  value       = { for k, r in aws_ecr_repository.app : k => r.repository_url }
}

output "log_group_names" {
  description = "CloudWatch log groups."
  value       = { for k, g in aws_cloudwatch_log_group.app : k => g.name }
}

output "tail_worker_logs_command" {
  description = "Follow the worker's logs."
  value       = "aws logs tail ${local.log_groups.worker} --follow --region ${var.aws_region}"
}

output "ssm_parameter_path" {
  description = "Parameter Store path whose parameters become the instance's .env."
  value       = local.ssm_env_path
}

output "deploy_command" {
  description = "Deploy image tag TAG on the instance (through SSM Run Command)."
  value       = "aws ssm send-command --region ${var.aws_region} --instance-ids ${aws_instance.app.id} --document-name AWS-RunShellScript --parameters 'commands=[\"${local.app_dir}/bin/deploy.sh TAG\"]'"
}

output "bundle_bucket" {
  description = "S3 bucket with the deployment bundle synced to /opt/gamepulse on the instance."
  value       = aws_s3_bucket.bundle.id
}

output "alarm_topic_arn" {
  description = "SNS topic receiving the alarms."
  value       = aws_sns_topic.alarms.arn
}

output "dashboard_url" {
  description = "CloudWatch dashboard."
  value       = "https://${var.aws_region}.console.aws.amazon.com/cloudwatch/home?region=${var.aws_region}#dashboards:name=${aws_cloudwatch_dashboard.main.dashboard_name}"
}

output "ses_from_address" {
  description = "From address the app sends with (Ses__FromAddress)."
  value       = local.from_address
}
