using Microsoft.AspNetCore.OutputCaching;

namespace GamePulse.Web.Outage;

public static class OutageSetup
{
    /// <summary>
    /// What the Web does while PostgreSQL is away (docs/decisions/0206): it tracks the outage, and the output cache keeps
    /// serving what it holds past its lifetime. Call after AddPageCaching, whose store it wraps.
    /// </summary>
    public static IServiceCollection AddDatabaseOutageHandling(this IServiceCollection services)
    {
        services.AddSingleton<DatabaseAvailability>();
        var framework = services.LastOrDefault(d => d.ServiceType == typeof(IOutputCacheStore))
            ?? throw new InvalidOperationException("AddDatabaseOutageHandling wraps the output cache store: call AddPageCaching first.");
        services.Remove(framework);
        services.AddSingleton<IOutputCacheStore>(provider => new StaleWhileDownCacheStore(
            Inner(framework, provider),
            provider.GetRequiredService<DatabaseAvailability>(),
            provider.GetRequiredService<Microsoft.Extensions.Options.IOptions<Caching.PageCacheOptions>>(),
            provider.GetRequiredService<TimeProvider>()));
        return services;
    }

    // AddOutputCache registers its in-memory store through a factory (the type is internal).
    private static IOutputCacheStore Inner(ServiceDescriptor framework, IServiceProvider provider) =>
        (IOutputCacheStore)(framework.ImplementationInstance
            ?? framework.ImplementationFactory?.Invoke(provider)
            ?? ActivatorUtilities.CreateInstance(provider, framework.ImplementationType!));
}
