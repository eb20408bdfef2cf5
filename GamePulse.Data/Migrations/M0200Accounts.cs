using FluentMigrator;

namespace GamePulse.Data.Migrations;

[Migration(200, "accounts")]
public sealed class M0200Accounts() : ScriptMigration("0200_accounts.sql");
