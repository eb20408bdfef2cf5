using GamePulse.Data;
using GamePulse.Hosting;
using GamePulse.Worker.Email;
using GamePulse.Worker.Health;
using GamePulse.Worker.Ingestion;
using GamePulse.Worker.Logos;

namespace GamePulse.Worker.Hosting;

/// <summary>Builds the Worker's generic host: logs (GamePulse.Hosting), the data layer and the hosted services of each feature.</summary>
public static class WorkerHost
{
    public static HostApplicationBuilder CreateBuilder(string[] args)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { Args = args, ContentRootPath = AppContext.BaseDirectory });
        builder.Logging.AddGamePulseLogging(builder.Configuration, builder.Environment, "worker");
        builder.Services.AddGamePulseData(StartupGuard.RequireConnectionString(builder.Configuration));
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddOptions<HeartbeatOptions>().Bind(builder.Configuration.GetSection("Worker")).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddHostedService<HeartbeatService>();
        builder.Services.AddGamePulseIngestion(builder.Configuration);
        builder.Services.AddEmail(builder.Configuration);
        builder.Services.AddLogos(builder.Configuration);
        return builder;
    }
}
