using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace PanelPlatform.ServiceDefaults.Data;

public static class SharedDataProtectionKeys
{
    private const long LockKey = 7312202211172;

    /// <summary>
    /// Makes sure the key ring kept in <typeparamref name="TDbContext"/> has a key in use before the service takes
    /// requests. Replicas starting on an empty key ring each made a key of their own and then could not read each
    /// other's cookies, antiforgery tokens or sign-in state; under a session lock the first makes the key and the
    /// others find it. Later keys are Data Protection's own, made two days before they are used, so every replica has
    /// read them by then.
    /// </summary>
    public static async Task EnsureDataProtectionKeyAsync<TDbContext>(this IServiceProvider services, CancellationToken cancellationToken = default)
        where TDbContext : DbContext
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TDbContext>();
        var keys = services.GetRequiredService<IKeyManager>();
        var time = services.GetService<TimeProvider>() ?? TimeProvider.System;
        await db.Database.WithSessionLockAsync(LockKey, () =>
        {
            var now = time.GetUtcNow();
            if (!keys.GetAllKeys().Any(key => !key.IsRevoked && key.ActivationDate <= now && key.ExpirationDate > now))
            {
                keys.CreateNewKey(activationDate: now, expirationDate: now.AddDays(90));
            }

            return Task.CompletedTask;
        }, cancellationToken: cancellationToken);
    }
}
