data "aws_route53_zone" "main" {
  name         = var.hosted_zone_name
  private_zone = false
}

resource "aws_route53_record" "site" {
  zone_id = data.aws_route53_zone.main.zone_id
  name    = var.domain_name
  type    = "A"
  # Short TTL: the record is needed by certbot on first boot and when the
  # Elastic IP ever changes.
  ttl     = 300
  records = [aws_eip.app.public_ip]
}
