namespace GamePulse.Tests.Support;

/// <summary>Process-wide settings for every host a test run builds, in-process or as a child process.</summary>
public static class TestHostSettings
{
    /// <summary>
    /// File providers poll instead of using inotify. Every Web host watches its wwwroot (for fingerprinted static
    /// files) and its settings files, and each watcher holds an inotify instance, of which Linux allows 128 per user by
    /// default. The test hosts live until their class ends, so one run peaked at 95 instances (84 of them on wwwroot),
    /// and two runs side by side failed to start hosts. Polling costs a timer per watched file, and nothing in the tests
    /// edits those files while a host runs.
    /// </summary>
    public static void Apply() => Environment.SetEnvironmentVariable("DOTNET_USE_POLLING_FILE_WATCHER", "true");
}
