using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using PanelPlatform.ServiceDefaults.Auth;
using PanelPlatform.Web.Gateway;

namespace PanelPlatform.Web.SignIn;

/// <summary><c>Web:SignIn</c>: the OpenID Connect provider staff sign in with (services/Identity, through the gateway).</summary>
public sealed class StaffSignInOptions
{
    public const string SectionName = "Web:SignIn";

    /// <summary>The provider's public issuer; unset, <c>Auth:Authority</c> (what the services trust), else the gateway's <c>/identity/</c>.</summary>
    public string? Authority { get; set; }

    /// <summary>Where the site itself reads the provider's discovery document, if not at the authority.</summary>
    public string? MetadataAddress { get; set; }

    public string ClientId { get; set; } = "panel-console";

    public string? ClientSecret { get; set; }

    public bool RequireHttpsMetadata { get; set; } = true;
}

/// <summary>
/// Staff sign in to the console with the authorization-code flow and PKCE; the site keeps their tokens in its
/// (encrypted, HTTP-only) session cookie and calls the APIs with the access token, refreshing it before it runs out.
/// The public pages need no sign-in.
/// </summary>
public static class StaffSignIn
{
    public const string TokenName = "access_token";
    public const string CallbackPath = "/console/signin-oidc";
    public const string SignedOutCallbackPath = "/console/signout-callback-oidc";
    public const string SignedOutPage = "/console/signed-out";

    public static WebApplicationBuilder AddStaffSignIn(this WebApplicationBuilder builder)
    {
        var options = builder.Configuration.GetSection(StaffSignInOptions.SectionName).Get<StaffSignInOptions>() ?? new StaffSignInOptions();
        var authority = options.Authority ?? builder.Configuration["Auth:Authority"] ?? new Uri(GatewayAddress.From(builder.Configuration), "identity/").ToString();

        builder.Services
            .AddAuthentication(auth =>
            {
                auth.DefaultScheme = CookieAuthenticationDefaults.AuthenticationScheme;
                auth.DefaultAuthenticateScheme = CookieAuthenticationDefaults.AuthenticationScheme;
                auth.DefaultChallengeScheme = OpenIdConnectDefaults.AuthenticationScheme;
                auth.DefaultForbidScheme = CookieAuthenticationDefaults.AuthenticationScheme;
            })
            .AddCookie(cookie =>
            {
                cookie.Cookie.Name = "panel-staff";
                cookie.Cookie.HttpOnly = true;
                cookie.Cookie.SameSite = SameSiteMode.Lax;
                cookie.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                cookie.ExpireTimeSpan = TimeSpan.FromHours(8);
                cookie.SlidingExpiration = false;
                cookie.AccessDeniedPath = "/console/access-denied";
                cookie.Events.OnValidatePrincipal = RefreshAccessTokenAsync;
            })
            .AddOpenIdConnect(oidc =>
            {
                oidc.Authority = authority;
                if (!string.IsNullOrWhiteSpace(options.MetadataAddress))
                {
                    oidc.MetadataAddress = options.MetadataAddress;
                }

                oidc.RequireHttpsMetadata = options.RequireHttpsMetadata;
                oidc.ClientId = options.ClientId;
                oidc.ClientSecret = options.ClientSecret;
                oidc.ResponseType = OpenIdConnectResponseType.Code;
                oidc.UsePkce = true;
                oidc.SaveTokens = true;
                oidc.MapInboundClaims = false;
                oidc.GetClaimsFromUserInfoEndpoint = false;
                oidc.Scope.Clear();
                foreach (var scope in new[] { "openid", "profile", "email", "roles", "offline_access" })
                {
                    oidc.Scope.Add(scope);
                }

                oidc.CallbackPath = CallbackPath;
                oidc.SignedOutCallbackPath = SignedOutCallbackPath;
                oidc.SignedOutRedirectUri = SignedOutPage;
                oidc.TokenValidationParameters.NameClaimType = AuthOptions.NameClaim;
                oidc.TokenValidationParameters.RoleClaimType = AuthOptions.RoleClaim;
                oidc.CorrelationCookie.SameSite = SameSiteMode.Lax;
                oidc.NonceCookie.SameSite = SameSiteMode.Lax;
                oidc.CorrelationCookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                oidc.NonceCookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            });
        return builder;
    }

    /// <summary>A minute before the access token expires, trade the refresh token for a new one; failing that, sign out.</summary>
    private static async Task RefreshAccessTokenAsync(CookieValidatePrincipalContext context)
    {
        var expiresAt = context.Properties.GetTokenValue("expires_at");
        var time = context.HttpContext.RequestServices.GetRequiredService<TimeProvider>();
        if (expiresAt is null ||
            !DateTimeOffset.TryParse(expiresAt, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var expires) ||
            expires - time.GetUtcNow() > TimeSpan.FromMinutes(1))
        {
            return;
        }

        var refreshToken = context.Properties.GetTokenValue("refresh_token");
        var refreshed = refreshToken is null ? null : await RedeemAsync(context.HttpContext, refreshToken);
        if (refreshed is null)
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
            return;
        }

        context.Properties.UpdateTokenValue(TokenName, refreshed.AccessToken);
        if (refreshed.RefreshToken is { Length: > 0 })
        {
            context.Properties.UpdateTokenValue("refresh_token", refreshed.RefreshToken);
        }

        context.Properties.UpdateTokenValue("expires_at",
            (time.GetUtcNow() + TimeSpan.FromSeconds(refreshed.ExpiresIn)).ToString("o", CultureInfo.InvariantCulture));
        context.ShouldRenew = true;
    }

    private sealed record TokenResponse(string AccessToken, string? RefreshToken, int ExpiresIn);

    private static async Task<TokenResponse?> RedeemAsync(HttpContext context, string refreshToken)
    {
        var oidc = context.RequestServices.GetRequiredService<IOptionsMonitor<OpenIdConnectOptions>>().Get(OpenIdConnectDefaults.AuthenticationScheme);
        var configuration = await oidc.ConfigurationManager!.GetConfigurationAsync(context.RequestAborted);
        using var request = new HttpRequestMessage(HttpMethod.Post, configuration.TokenEndpoint)
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["grant_type"] = "refresh_token",
                ["refresh_token"] = refreshToken,
                ["client_id"] = oidc.ClientId!,
                ["client_secret"] = oidc.ClientSecret ?? "",
            }),
        };
        using var response = await oidc.Backchannel.SendAsync(request, context.RequestAborted);
        if (!response.IsSuccessStatusCode)
        {
            return null;
        }

        using var body = await JsonDocument.ParseAsync(await response.Content.ReadAsStreamAsync(context.RequestAborted), cancellationToken: context.RequestAborted);
        var root = body.RootElement;
        return root.TryGetProperty("access_token", out var access) && access.GetString() is { Length: > 0 } token
            ? new TokenResponse(
                token,
                root.TryGetProperty("refresh_token", out var refresh) ? refresh.GetString() : null,
                root.TryGetProperty("expires_in", out var expiresIn) && expiresIn.TryGetInt32(out var seconds) ? seconds : 300)
            : null;
    }
}
