using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using OpenIddict.Abstractions;
using PanelPlatform.Identity.Data;
using PanelPlatform.ServiceDefaults.Auth;
using PanelPlatform.ServiceDefaults.Data;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace PanelPlatform.Identity.Server;

/// <summary>
/// What start-up puts in the database after migrating it: the seven roles, the clients from configuration, and in
/// Development the one-account-per-role seed. Replicas starting together take turns under an advisory lock (as the
/// migrations do), so each finds what the other made and nothing is made twice.
/// </summary>
public sealed partial class IdentityStartup(
    IdentityDb db,
    IOpenIddictApplicationManager applications,
    RoleManager<IdentityRole> roles,
    UserManager<StaffUser> users,
    IOptions<IdentityServiceOptions> options,
    IHostEnvironment environment,
    ILogger<IdentityStartup> logger)
{
    private const long LockKey = 7312202211172;

    public const string DevelopmentDomain = "panel.test";

    public static string DevelopmentEmail(string role) => $"{role}@{DevelopmentDomain}";

    public async Task RunAsync(CancellationToken cancellationToken = default)
    {
        await db.Database.WithSessionLockAsync(LockKey, async () =>
        {
            await EnsureRolesAsync();
            foreach (var client in options.Value.Clients)
            {
                await EnsureClientAsync(client, cancellationToken);
            }

            if (options.Value.SeedDevelopmentAccounts)
            {
                await SeedDevelopmentAccountsAsync();
            }
        }, cancellationToken: cancellationToken);
    }

    private async Task EnsureRolesAsync()
    {
        foreach (var role in Roles.All)
        {
            if (!await roles.RoleExistsAsync(role))
            {
                Check(await roles.CreateAsync(new IdentityRole(role)), $"role {role}");
            }
        }
    }

    private async Task EnsureClientAsync(ClientOptions client, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(client.ClientId))
        {
            throw new InvalidOperationException("Every Identity:Clients entry needs a ClientId.");
        }

        var descriptor = new OpenIddictApplicationDescriptor
        {
            ClientId = client.ClientId,
            ClientSecret = string.IsNullOrEmpty(client.Secret) ? null : client.Secret,
            ClientType = string.IsNullOrEmpty(client.Secret) ? ClientTypes.Public : ClientTypes.Confidential,
            ApplicationType = ApplicationTypes.Web,
            ConsentType = ConsentTypes.Implicit,
            DisplayName = client.DisplayName ?? client.ClientId,
            Permissions =
            {
                Permissions.Endpoints.Authorization,
                Permissions.Endpoints.Token,
                Permissions.Endpoints.EndSession,
                Permissions.GrantTypes.AuthorizationCode,
                Permissions.GrantTypes.RefreshToken,
                Permissions.ResponseTypes.Code,
                Permissions.Scopes.Profile,
                Permissions.Scopes.Email,
                Permissions.Scopes.Roles,
            },
            Requirements = { Requirements.Features.ProofKeyForCodeExchange },
        };
        foreach (var uri in client.RedirectUris)
        {
            descriptor.RedirectUris.Add(uri);
        }

        foreach (var uri in client.PostLogoutRedirectUris)
        {
            descriptor.PostLogoutRedirectUris.Add(uri);
        }

        var existing = await applications.FindByClientIdAsync(client.ClientId, cancellationToken);
        if (existing is null)
        {
            await applications.CreateAsync(descriptor, cancellationToken);
            LogClient(logger, client.ClientId, "registered");
        }
        else
        {
            // Configuration is the truth: redirect URIs, permissions and the secret follow it at every start.
            await applications.UpdateAsync(existing, descriptor, cancellationToken);
            LogClient(logger, client.ClientId, "updated");
        }
    }

    private async Task SeedDevelopmentAccountsAsync()
    {
        var password = options.Value.DevelopmentPassword;
        if (!environment.IsDevelopment() || string.IsNullOrEmpty(password))
        {
            LogSeedSkipped(logger, environment.EnvironmentName);
            return;
        }

        foreach (var role in Roles.All)
        {
            var email = DevelopmentEmail(role);
            if (await users.FindByEmailAsync(email) is not null)
            {
                continue;
            }

            var user = new StaffUser
            {
                UserName = email,
                Email = email,
                EmailConfirmed = true,
                DisplayName = $"Development {role}",
            };
            Check(await users.CreateAsync(user, password), email);
            Check(await users.AddToRoleAsync(user, role), $"{email} in {role}");
            LogSeeded(logger, email, role);
        }
    }

    private static void Check(IdentityResult result, string what)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException($"Could not create {what}: {string.Join("; ", result.Errors.Select(e => e.Description))}");
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Client {ClientId} {What}")]
    private static partial void LogClient(ILogger logger, string clientId, string what);

    [LoggerMessage(Level = LogLevel.Information, Message = "Development account {Email} seeded with role {Role}")]
    private static partial void LogSeeded(ILogger logger, string email, string role);

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "Identity:SeedDevelopmentAccounts is set but the environment is {Environment} or Identity:DevelopmentPassword is empty: no accounts seeded")]
    private static partial void LogSeedSkipped(ILogger logger, string environment);
}
