using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using Microsoft.Extensions.DependencyInjection;
using PanelPlatform.Identity;
using PanelPlatform.Identity.Data;
using PanelPlatform.Identity.Server;
using PanelPlatform.TestInfrastructure;
using System.Net;

namespace PanelPlatform.Identity.Tests;

/// <summary>
/// The Identity service in the test process on the shared real PostgreSQL: one instance, or several on one database
/// (replicas). Its public issuer is the test server's own address, as the gateway's would be.
/// </summary>
public static class IdentityHost
{
    public const string Issuer = "http://localhost/identity/";
    public const string ClientId = "panel-console";
    public const string ClientSecret = "console-secret-for-tests";
    public const string RedirectUri = "http://localhost/console/signin-oidc";
    public const string PostLogoutRedirectUri = "http://localhost/console/signed-out";
    public const string DevelopmentPassword = "Development-password-1";

    /// <summary>One key pair for the whole run, as every replica of a deployment shares one.</summary>
    private static readonly (string Signing, string Encryption) Keys = ServerKeys.NewConfiguration();

    public static Dictionary<string, string?> Settings(string database, string environment = "Testing") => new()
    {
        ["environment"] = environment,
        ["Identity:Issuer"] = Issuer,
        ["Identity:SigningKey"] = Keys.Signing,
        ["Identity:EncryptionKey"] = Keys.Encryption,
        ["Identity:Clients:0:ClientId"] = ClientId,
        ["Identity:Clients:0:Secret"] = ClientSecret,
        ["Identity:Clients:0:RedirectUris:0"] = RedirectUri,
        ["Identity:Clients:0:PostLogoutRedirectUris:0"] = PostLogoutRedirectUri,
        ["Identity:SeedDevelopmentAccounts"] = "true",
        ["Identity:DevelopmentPassword"] = DevelopmentPassword,
        ["ConnectionStrings:identitydb"] = database,
    };

    public static async Task<ServiceFactory<IdentityApi>> StartAsync(
        PlatformInfrastructure infrastructure, string environment = "Testing", Action<Dictionary<string, string?>>? customise = null)
    {
        var database = await infrastructure.CreateDatabaseAsync(IdentityApi.ServiceName);
        return (await StartReplicasAsync(infrastructure, database, 1, environment, customise))[0];
    }

    /// <summary><paramref name="count"/> instances on one database, started at the same moment.</summary>
    public static async Task<IReadOnlyList<ServiceFactory<IdentityApi>>> StartReplicasAsync(
        PlatformInfrastructure infrastructure, string database, int count, string environment = "Testing",
        Action<Dictionary<string, string?>>? customise = null)
    {
        var factories = Enumerable.Range(0, count)
            .Select(_ =>
            {
                var settings = Settings(database, environment);
                customise?.Invoke(settings);
                return new ServiceFactory<IdentityApi>(infrastructure, IdentityApi.ServiceName, database, settings);
            })
            .ToList();
        await Task.WhenAll(factories.Select(f => Task.Run(f.StartServer)));
        return factories;
    }

    /// <summary>A browser: cookies kept (across instances too, when they share <paramref name="cookies"/>), redirects not followed.</summary>
    public static HttpClient Browser(this ServiceFactory<IdentityApi> factory, CookieContainer? cookies = null) =>
        factory.CreateDefaultClient(new Uri("http://localhost"), new CookieContainerHandler(cookies ?? new CookieContainer()));

    /// <summary>A staff account with <paramref name="roles"/> and a unique email address.</summary>
    public static async Task<(string Email, string Password)> CreateUserAsync(
        this ServiceFactory<IdentityApi> factory, params string[] roles)
    {
        var email = $"staff-{Guid.NewGuid():N}@derbyshire-pcp.test";
        const string password = "Correct-horse-battery-9";
        await using var scope = factory.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>();
        var user = new StaffUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = "Alex Example" };
        Assert.True((await users.CreateAsync(user, password)).Succeeded);
        foreach (var role in roles)
        {
            Assert.True((await users.AddToRoleAsync(user, role)).Succeeded);
        }

        return (email, password);
    }
}
