namespace GamePulse.Worker.Email;

public static class EmailSetup
{
    /// <summary>The outbox dispatcher (SES v2), its settings, and the accounts cleanup schedule.</summary>
    public static IServiceCollection AddEmail(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<SesOptions>().Bind(configuration.GetSection(SesOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<EmailDispatchOptions>().Bind(configuration.GetSection(EmailDispatchOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<SesEmailTransport>();
        services.AddSingleton<EmailDispatcher>();
        services.AddHostedService<EmailDispatcherService>();
        services.AddHostedService<AccountCleanupService>();
        return services;
    }
}
