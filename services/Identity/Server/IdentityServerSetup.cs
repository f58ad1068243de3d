using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.Identity;
using OpenIddict.Abstractions;
using PanelPlatform.Identity.Data;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace PanelPlatform.Identity.Server;

public static class IdentityServerSetup
{
    public const string CookieName = "panel-identity";
    public const string AntiforgeryCookieName = "panel-identity-af";

    /// <summary>ASP.NET Core Identity, the OpenIddict server, Data Protection in the database, and the sign-in pages.</summary>
    public static WebApplicationBuilder AddIdentityServer(this WebApplicationBuilder builder)
    {
        var options = builder.Configuration.GetSection(IdentityServiceOptions.SectionName).Get<IdentityServiceOptions>()
            ?? new IdentityServiceOptions();
        var issuer = options.Issuer ?? throw new InvalidOperationException(
            "Identity:Issuer is not configured: the public address of this service, e.g. http://localhost:5080/identity/.");
        if (!issuer.IsAbsoluteUri || !issuer.AbsolutePath.EndsWith("/identity/", StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"Identity:Issuer must be an absolute URI ending in /identity/ (it is {issuer}).");
        }

        builder.Services.Configure<IdentityServiceOptions>(builder.Configuration.GetSection(IdentityServiceOptions.SectionName));
        var keys = ServerKeys.From(options, builder.Environment.IsDevelopment());
        builder.Services.AddSingleton(keys);

        builder.Services.AddDataProtection()
            .SetApplicationName("panel-platform-identity")
            .PersistKeysToDbContext<IdentityDb>();

        builder.Services
            .AddIdentity<StaffUser, IdentityRole>(identity =>
            {
                identity.User.RequireUniqueEmail = true;
                identity.SignIn.RequireConfirmedAccount = false;
                identity.Lockout.AllowedForNewUsers = true;
                identity.Lockout.MaxFailedAccessAttempts = 5;
                identity.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                identity.Password.RequiredLength = 12;
                identity.ClaimsIdentity.UserIdClaimType = Claims.Subject;
                identity.ClaimsIdentity.UserNameClaimType = Claims.Name;
                identity.ClaimsIdentity.RoleClaimType = Claims.Role;
                identity.ClaimsIdentity.EmailClaimType = Claims.Email;
            })
            .AddEntityFrameworkStores<IdentityDb>()
            .AddDefaultTokenProviders();

        builder.Services.ConfigureApplicationCookie(cookie =>
        {
            // Only this service reads its cookie: the staff console on the same origin has its own.
            cookie.Cookie.Name = CookieName;
            cookie.Cookie.Path = IdentityApi.PathPrefix;
            cookie.Cookie.HttpOnly = true;
            cookie.Cookie.SameSite = SameSiteMode.Lax;
            cookie.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            cookie.LoginPath = ServerPaths.Login;
            cookie.LogoutPath = ServerPaths.EndSession;
            cookie.AccessDeniedPath = ServerPaths.Login;
            cookie.ExpireTimeSpan = TimeSpan.FromHours(8);
            cookie.SlidingExpiration = true;
        });

        builder.Services.AddAntiforgery(antiforgery =>
        {
            antiforgery.Cookie.Name = AntiforgeryCookieName;
            antiforgery.Cookie.Path = IdentityApi.PathPrefix;
            antiforgery.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        });

        builder.Services.AddOpenIddict()
            .AddCore(core => core.UseEntityFrameworkCore().UseDbContext<IdentityDb>())
            .AddServer(server =>
            {
                server.SetIssuer(issuer);
                server.SetAuthorizationEndpointUris(ServerPaths.Relative(ServerPaths.Authorize))
                    .SetTokenEndpointUris(ServerPaths.Relative(ServerPaths.Token))
                    .SetEndSessionEndpointUris(ServerPaths.Relative(ServerPaths.EndSession))
                    .SetUserInfoEndpointUris(ServerPaths.Relative(ServerPaths.UserInfo))
                    .SetConfigurationEndpointUris(ServerPaths.Relative(ServerPaths.Configuration))
                    .SetJsonWebKeySetEndpointUris(ServerPaths.Relative(ServerPaths.JsonWebKeySet));

                server.AllowAuthorizationCodeFlow().AllowRefreshTokenFlow();
                server.RequireProofKeyForCodeExchange();
                // S256 only: "plain" would hand the verifier to anyone who sees the authorization request.
                server.Configure(o => o.CodeChallengeMethods.Remove(CodeChallengeMethods.Plain));
                server.RegisterScopes(Scopes.OpenId, Scopes.Profile, Scopes.Email, Scopes.Roles, Scopes.OfflineAccess);
                server.RegisterClaims(Claims.Subject, Claims.Name, Claims.Email, Claims.Role);
                server.SetAccessTokenLifetime(options.AccessTokenLifetime);
                server.SetRefreshTokenLifetime(options.RefreshTokenLifetime);

                server.AddSigningKey(keys.SigningKey);
                server.AddEncryptionKey(keys.EncryptionKey);
                // Every service validates access tokens as plain signed JWTs (ServiceDefaults/Auth).
                server.DisableAccessTokenEncryption();

                server.UseAspNetCore()
                    .EnableAuthorizationEndpointPassthrough()
                    .EnableTokenEndpointPassthrough()
                    .EnableEndSessionEndpointPassthrough()
                    .EnableUserInfoEndpointPassthrough()
                    // TLS ends at the ingress; inside the cluster (and in development) every hop is plain HTTP, and the
                    // services fetch discovery from this service's internal address. The public issuer is https in
                    // production, and the forwarded scheme makes the cookies Secure there.
                    .DisableTransportSecurityRequirement();
            });

        builder.Services.Configure<ForwardedHeadersOptions>(forwarded =>
        {
            // Requests come through the gateway (YARP), which names the browser's host and scheme. Only the issuer's
            // host is believed, so nothing else can be made to appear in discovery or in redirects.
            forwarded.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto | ForwardedHeaders.XForwardedHost;
            forwarded.KnownIPNetworks.Clear();
            forwarded.KnownProxies.Clear();
            // (AllowedHosts are host names without ports.)
            forwarded.AllowedHosts = [issuer.Host];
        });

        builder.Services.AddRazorPages(pages => pages.RootDirectory = "/Pages");
        builder.Services.AddScoped<StaffPrincipalFactory>();
        builder.Services.AddScoped<IdentityStartup>();
        return builder;
    }

}
