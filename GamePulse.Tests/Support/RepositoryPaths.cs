namespace GamePulse.Tests.Support;

/// <summary>Where the repository and the shared recorded payloads are, wherever the tests run from.</summary>
public static class RepositoryPaths
{
    public static string Root { get; } = FindRoot();

    /// <summary>../shared/fixtures beside the clone (override with GAMEPULSE_FIXTURES).</summary>
    public static string Fixtures { get; } =
        Environment.GetEnvironmentVariable("GAMEPULSE_FIXTURES") is { Length: > 0 } configured
            ? configured
            : Path.GetFullPath(Path.Combine(Root, "..", "shared", "fixtures"));

    public static string Fixture(string relativePath)
    {
        var path = Path.Combine(Fixtures, relativePath);
        return File.Exists(path) ? path : throw new FileNotFoundException($"Recorded payload {relativePath} is missing from {Fixtures}.", path);
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "GamePulse.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Cannot find GamePulse.sln above " + AppContext.BaseDirectory);
    }
}
