using FluentMigrator;

namespace GamePulse.Data.Migrations;

[Migration(201, "revoked_sessions")]
public sealed class M0201RevokedSessions() : ScriptMigration("0201_revoked_sessions.sql");
