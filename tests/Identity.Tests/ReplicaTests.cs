using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OpenIddict.Abstractions;
using PanelPlatform.Identity.Data;
using PanelPlatform.Identity.Server;
using PanelPlatform.ServiceDefaults.Auth;
using PanelPlatform.TestInfrastructure;
using static PanelPlatform.Identity.Tests.SignInFlow;

namespace PanelPlatform.Identity.Tests;

/// <summary>Two instances on one database, as two replicas behind the gateway.</summary>
public sealed class ReplicaTests(PlatformInfrastructure infrastructure)
{
    [Fact]
    public async Task A_sign_in_started_at_one_instance_finishes_at_the_other_and_its_code_is_redeemed_there()
    {
        var database = await infrastructure.CreateDatabaseAsync(IdentityApi.ServiceName);
        var replicas = await IdentityHost.StartReplicasAsync(infrastructure, database, 2);
        try
        {
            var (a, b) = (replicas[0], replicas[1]);
            var (email, password) = await a.CreateUserAsync(Roles.AlertsCoordinator);
            var cookies = new CookieContainer();
            using var atA = a.Browser(cookies);
            using var atB = b.Browser(cookies);

            // The login form from A posted to B (antiforgery and the sign-in cookie read with the shared key ring),
            // the code issued by A, redeemed at B (the shared encryption key and token store).
            var pkce = Pkce.New();
            var code = await SignInForCodeAsync(atA, pkce, email, password, loginAt: atB);
            using var redeemed = await RedeemAsync(atB, code, pkce.Verifier);
            var tokens = await ReadTokensAsync(redeemed);
            Assert.Equal([Roles.AlertsCoordinator], Strings(Payload(tokens.AccessToken).GetProperty("role")));

            // B's refresh of A's token, and A's key set validates B's access token (one signing key).
            using var refreshed = await RefreshAsync(atB, tokens.RefreshToken!);
            var again = await ReadTokensAsync(refreshed);
            await using var service = await TokenCheckingApp.StartAsync(a.Server.CreateHandler, infrastructure);
            using var request = new HttpRequestMessage(HttpMethod.Get, "/who");
            request.Headers.Authorization = new("Bearer", again.AccessToken);
            Assert.Equal(HttpStatusCode.OK, (await service.Client.SendAsync(request)).StatusCode);

            // A code is good once, whichever instance is asked the second time; replaying it revokes what it gave.
            using var replayed = await RedeemAsync(atA, code, pkce.Verifier);
            Assert.Equal(HttpStatusCode.BadRequest, replayed.StatusCode);
            using var afterReplay = await RefreshAsync(atA, again.RefreshToken!);
            Assert.Equal(HttpStatusCode.BadRequest, afterReplay.StatusCode);
        }
        finally
        {
            foreach (var replica in replicas)
            {
                await replica.DisposeAsync();
            }
        }
    }

    [Fact]
    public async Task Two_instances_starting_together_in_Development_seed_each_account_role_and_client_once()
    {
        var database = await infrastructure.CreateDatabaseAsync(IdentityApi.ServiceName);
        var first = await IdentityHost.StartReplicasAsync(infrastructure, database, 2, environment: "Development");
        foreach (var replica in first)
        {
            await replica.DisposeAsync();
        }

        // And a third start-up later finds everything there.
        var later = (await IdentityHost.StartReplicasAsync(infrastructure, database, 1, environment: "Development"))[0];
        try
        {
            await using var scope = later.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<IdentityDb>();
            Assert.Equal(Roles.All.Order(), (await db.Roles.Select(r => r.Name!).ToListAsync()).Order());
            var emails = await db.Users.Select(u => u.Email!).ToListAsync();
            Assert.Equal(Roles.All.Select(IdentityStartup.DevelopmentEmail).Order(), emails.Order());

            var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>();
            foreach (var role in Roles.All)
            {
                var user = await users.FindByEmailAsync(IdentityStartup.DevelopmentEmail(role));
                Assert.Equal([role], await users.GetRolesAsync(user!));
                Assert.True(await users.CheckPasswordAsync(user!, IdentityHost.DevelopmentPassword));
                Assert.True(await users.GetLockoutEnabledAsync(user!));
            }

            var applications = scope.ServiceProvider.GetRequiredService<IOpenIddictApplicationManager>();
            Assert.Equal(1, await applications.CountAsync());

            // The seeded clerk signs in through the whole flow.
            using var browser = later.Browser();
            var tokens = await SignInAsync(browser, IdentityStartup.DevelopmentEmail(Roles.Clerk), IdentityHost.DevelopmentPassword);
            Assert.Equal([Roles.Clerk], Strings(Payload(tokens.AccessToken).GetProperty("role")));
        }
        finally
        {
            await later.DisposeAsync();
        }
    }

    [Fact]
    public async Task Outside_Development_no_account_is_seeded_even_when_asked()
    {
        await using var identity = await IdentityHost.StartAsync(infrastructure, environment: "Production");
        await using var scope = identity.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<IdentityDb>();
        Assert.Equal(0, await db.Users.CountAsync());
        Assert.Equal(Roles.All.Count, await db.Roles.CountAsync());
    }
}
