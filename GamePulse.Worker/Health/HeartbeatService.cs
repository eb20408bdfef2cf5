using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;

namespace GamePulse.Worker.Health;

public sealed class HeartbeatOptions
{
    /// <summary>A file whose modification time the container HEALTHCHECK reads (Worker__HeartbeatFile).</summary>
    [Required]
    public string HeartbeatFile { get; set; } = Path.Combine(Path.GetTempPath(), "gamepulse-worker.heartbeat");
}

/// <summary>Touches the heartbeat file every 15 s while the host runs, so a hung Worker is seen as unhealthy.</summary>
public sealed class HeartbeatService(IOptions<HeartbeatOptions> options, TimeProvider clock, ILogger<HeartbeatService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(15), clock);
        do
        {
            try
            {
                await File.WriteAllTextAsync(options.Value.HeartbeatFile, clock.GetUtcNow().ToString("O"), stoppingToken);
            }
            catch (IOException ex)
            {
                logger.LogWarning(ex, "Cannot write the heartbeat file {HeartbeatFile}", options.Value.HeartbeatFile);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
