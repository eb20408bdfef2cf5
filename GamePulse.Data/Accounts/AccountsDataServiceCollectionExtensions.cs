using GamePulse.Data.Viewing;
using Microsoft.Extensions.DependencyInjection;

namespace GamePulse.Data.Accounts;

public static class AccountsDataServiceCollectionExtensions
{
    /// <summary>The repositories of the accounts feature (users, sign-in requests, outbox, rate limits, follows, keys, revoked sessions).</summary>
    public static IServiceCollection AddAccountsData(this IServiceCollection services)
    {
        services.AddSingleton<UserRepository>();
        services.AddSingleton<LoginRequestRepository>();
        services.AddSingleton<EmailOutboxRepository>();
        services.AddSingleton<RateLimitRepository>();
        services.AddSingleton<FollowRepository>();
        services.AddSingleton<DataProtectionKeyRepository>();
        services.AddSingleton<SessionRevocationRepository>();
        services.AddSingleton<ViewerSettingsRepository>();
        return services;
    }
}
