using FluentMigrator.Runner.VersionTableInfo;

namespace GamePulse.Data.Migrations;

/// <summary>
/// FluentMigrator's version table, named in the schema's snake_case (its default is a quoted "VersionInfo"):
/// <c>version_info (version bigint, applied_on timestamp (UTC), description varchar(1024))</c>, one row per applied
/// migration, unique on version. FluentMigrator creates it the first time <c>migrate</c> runs.
/// </summary>
public sealed class VersionTable : IVersionTableMetaData
{
    public const string Name = "version_info";

    // Null: the search path's schema, where every other table of the application lives too.
    public string SchemaName => null!;

    public bool OwnsSchema => false;

    public string TableName => Name;

    public string ColumnName => "version";

    public string DescriptionColumnName => "description";

    public string UniqueIndexName => "version_info_version";

    public string AppliedOnColumnName => "applied_on";

    // A primary key would take the unique index's name, which FluentMigrator then creates again and fails.
    public bool CreateWithPrimaryKey => false;
}
