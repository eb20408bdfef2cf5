# SES domain identity with Easy DKIM, SPF, DMARC and a custom MAIL FROM domain,
# so that mail from <from_address> passes SPF and DKIM *aligned* with DMARC.
#
# New SES accounts are in the sandbox (only verified recipients): request
# production access in the console before go-live (docs/operations.md).

resource "aws_sesv2_configuration_set" "main" {
  configuration_set_name = local.name

  reputation_options {
    reputation_metrics_enabled = true
  }

  suppression_options {
    suppressed_reasons = ["BOUNCE", "COMPLAINT"]
  }
}

resource "aws_sesv2_email_identity" "domain" {
  email_identity         = local.email_domain
  configuration_set_name = aws_sesv2_configuration_set.main.configuration_set_name

  dkim_signing_attributes {
    next_signing_key_length = "RSA_2048_BIT"
  }
}

# Easy DKIM: three CNAMEs <token>._domainkey.<domain> -> <token>.dkim.amazonses.com
resource "aws_route53_record" "dkim" {
  count = 3

  zone_id = data.aws_route53_zone.main.zone_id
  name    = "${aws_sesv2_email_identity.domain.dkim_signing_attributes[0].tokens[count.index]}._domainkey.${local.email_domain}"
  type    = "CNAME"
  ttl     = 1800
  records = ["${aws_sesv2_email_identity.domain.dkim_signing_attributes[0].tokens[count.index]}.dkim.amazonses.com"]
}

# SPF for the visible From domain (Route 53 allows one TXT set per name, see
# manage_email_domain_spf).
resource "aws_route53_record" "spf" {
  count = var.manage_email_domain_spf ? 1 : 0

  zone_id = data.aws_route53_zone.main.zone_id
  name    = local.email_domain
  type    = "TXT"
  ttl     = 3600
  records = ["v=spf1 include:amazonses.com ~all"]
}

resource "aws_route53_record" "dmarc" {
  zone_id = data.aws_route53_zone.main.zone_id
  name    = "_dmarc.${local.email_domain}"
  type    = "TXT"
  ttl     = 3600
  records = [
    join("; ", compact([
      "v=DMARC1",
      "p=${var.dmarc_policy}",
      var.dmarc_report_email != "" ? "rua=mailto:${var.dmarc_report_email}" : "",
      "adkim=r",
      "aspf=r",
    ]))
  ]
}

# Custom MAIL FROM (envelope sender / Return-Path) on a subdomain, so bounces
# go through SES and SPF aligns with the From domain (relaxed alignment).
resource "aws_sesv2_email_identity_mail_from_attributes" "domain" {
  email_identity         = aws_sesv2_email_identity.domain.email_identity
  mail_from_domain       = local.mail_from_domain
  behavior_on_mx_failure = "USE_DEFAULT_VALUE" # fall back to amazonses.com instead of rejecting sends
}

resource "aws_route53_record" "mail_from_mx" {
  zone_id = data.aws_route53_zone.main.zone_id
  name    = local.mail_from_domain
  type    = "MX"
  ttl     = 3600
  records = ["10 feedback-smtp.${var.aws_region}.amazonses.com"]
}

resource "aws_route53_record" "mail_from_spf" {
  zone_id = data.aws_route53_zone.main.zone_id
  name    = local.mail_from_domain
  type    = "TXT"
  ttl     = 3600
  records = ["v=spf1 include:amazonses.com ~all"]
}
