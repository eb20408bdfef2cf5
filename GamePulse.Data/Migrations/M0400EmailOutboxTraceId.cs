using FluentMigrator;

namespace GamePulse.Data.Migrations;

[Migration(400, "email_outbox_trace_id")]
public sealed class M0400EmailOutboxTraceId() : ScriptMigration("0400_email_outbox_trace_id.sql");
