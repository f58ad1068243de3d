using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.IdentityModel.Tokens;
using PanelPlatform.ServiceDefaults.Http;

namespace PanelPlatform.ServiceDefaults.Auth;

public static class AuthenticationExtensions
{
    /// <summary>The named HttpClient that fetches the authority's discovery document and signing keys.</summary>
    public const string MetadataClientName = "panel-auth-metadata";

    /// <summary>
    /// JWT bearer authentication against the configured authority or development signing key, with one
    /// authorization policy per role (admin satisfies every one) and 401/403 answered as problems.
    /// </summary>
    public static IHostApplicationBuilder AddPanelAuthentication(this IHostApplicationBuilder builder)
    {
        var options = builder.Configuration.GetSection(AuthOptions.SectionName).Get<AuthOptions>() ?? new AuthOptions();
        builder.Services
            .AddAuthentication(JwtBearerDefaults.AuthenticationScheme)
            .AddJwtBearer(jwt =>
            {
                jwt.MapInboundClaims = false;
                jwt.Audience = options.Audience;
                jwt.TokenValidationParameters.RoleClaimType = AuthOptions.RoleClaim;
                jwt.TokenValidationParameters.NameClaimType = AuthOptions.NameClaim;
                jwt.TokenValidationParameters.ValidAudience = options.Audience;
                // Both may be configured: JwtBearer adds the authority's issuer and signing keys (from its metadata) to
                // the ValidIssuers and IssuerSigningKeys given here, so a token of either kind validates
                // (tests/Identity.Tests checks that, rather than assume it).
                var hasAuthority = !string.IsNullOrWhiteSpace(options.Authority);
                var hasKey = !string.IsNullOrWhiteSpace(options.SigningKey);
                if (hasAuthority)
                {
                    jwt.Authority = options.Authority;
                    jwt.RequireHttpsMetadata = options.RequireHttpsMetadata;
                    // A service that asked before the identity service was up (a development token came first) asks
                    // again after this long, not the default five minutes.
                    jwt.RefreshInterval = TimeSpan.FromSeconds(30);
                    if (!string.IsNullOrWhiteSpace(options.MetadataAddress))
                    {
                        jwt.MetadataAddress = options.MetadataAddress;
                    }
                }

                if (hasKey)
                {
                    jwt.TokenValidationParameters.ValidIssuers = [options.Issuer];
                    jwt.TokenValidationParameters.IssuerSigningKeys = [DevelopmentTokens.Key(options.SigningKey!)];
                }
                else if (!hasAuthority)
                {
                    // Without a key no token can validate: every protected endpoint answers 401, nothing opens up.
                    jwt.TokenValidationParameters.IssuerSigningKey = new SymmetricSecurityKey(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32));
                }

                jwt.Events = new JwtBearerEvents
                {
                    OnChallenge = async context =>
                    {
                        context.HandleResponse();
                        await WriteProblemAsync(context.HttpContext, StatusCodes.Status401Unauthorized, Problems.Unauthenticated,
                            "Authentication required",
                            context.AuthenticateFailure is null
                                ? "This operation needs a bearer token."
                                : "The bearer token is not valid.");
                    },
                    OnForbidden = context => WriteProblemAsync(context.HttpContext, StatusCodes.Status403Forbidden, Problems.Forbidden,
                        "Not allowed", "Your role does not allow this operation."),
                };
            });

        // The authority's metadata and keys are fetched through an IHttpClientFactory client, so a MetadataAddress such
        // as http://identity/... goes through service discovery (and the standard resilience handler) like any other call.
        builder.Services.AddHttpClient(MetadataClientName);
        builder.Services.AddOptions<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme)
            .Configure<IHttpClientFactory>((jwt, clients) =>
            {
                if (jwt.Authority is not null || jwt.MetadataAddress is not null)
                {
                    jwt.Backchannel = clients.CreateClient(MetadataClientName);
                }
            });

        builder.Services.AddAuthorizationBuilder().AddRolePolicies();
        return builder;
    }

    private static AuthorizationBuilder AddRolePolicies(this AuthorizationBuilder authorization)
    {
        foreach (var role in Roles.All)
        {
            authorization.AddPolicy(role, policy => policy.RequireRole(role, Roles.Admin));
        }

        return authorization;
    }

    private static async Task WriteProblemAsync(HttpContext context, int status, string type, string title, string detail)
    {
        context.Response.StatusCode = status;
        if (status == StatusCodes.Status401Unauthorized)
        {
            context.Response.Headers.WWWAuthenticate = "Bearer";
        }

        var problems = context.RequestServices.GetRequiredService<IProblemDetailsService>();
        await problems.WriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails = new ProblemDetails { Status = status, Type = type, Title = title, Detail = detail },
        });
    }
}
