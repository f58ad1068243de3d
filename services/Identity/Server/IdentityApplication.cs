namespace PanelPlatform.Identity.Server;

public static partial class IdentityApplication
{
    /// <summary>Roles, clients and (in Development) the seed accounts, after the migrations.</summary>
    public static async Task PrepareIdentityAsync(this WebApplication app)
    {
        var keys = app.Services.GetRequiredService<ServerKeys>();
        if (keys.Generated)
        {
            LogGeneratedKeys(app.Logger);
        }

        await using var scope = app.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<IdentityStartup>().RunAsync(app.Lifetime.ApplicationStopping);
    }

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "Identity:SigningKey and Identity:EncryptionKey are not configured: generated a signing key and an encryption key " +
                  "for this process only (Development). Tokens and codes die with it and no other replica can read them.")]
    private static partial void LogGeneratedKeys(ILogger logger);
}
