using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace GamePulse.Hosting;

/// <summary>A missing or malformed setting; the process prints one line naming it and stops.</summary>
public sealed class StartupConfigurationException(string setting, string problem)
    : Exception($"Setting {setting} {problem}.")
{
    public string Setting { get; } = setting;
}

public static class StartupGuard
{
    /// <summary>The connection string, or a clear stop when it is absent.</summary>
    public static string RequireConnectionString(IConfiguration configuration) =>
        configuration.GetConnectionString("GamePulse") is { Length: > 0 } value
            ? value
            : throw new StartupConfigurationException("ConnectionStrings__GamePulse", "is not set (a PostgreSQL connection string, e.g. Host=127.0.0.1;Port=5432;Database=gamepulse;Username=gamepulse)");

    /// <summary>Runs the program; a configuration problem becomes one line on stderr and exit code 78 (EX_CONFIG).</summary>
    public static async Task<int> RunAsync(string service, Func<Task<int>> program)
    {
        try
        {
            return await program();
        }
        catch (StartupConfigurationException ex)
        {
            await Console.Error.WriteLineAsync($"gamepulse-{service}: cannot start: {ex.Message}");
            return 78;
        }
        catch (OptionsValidationException ex)
        {
            await Console.Error.WriteLineAsync($"gamepulse-{service}: cannot start: {string.Join(" ", ex.Failures)}");
            return 78;
        }
    }
}
