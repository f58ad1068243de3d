using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.JwtBearer;

namespace PanelPlatform.Gateway;

public static class TokenCheck
{
    /// <summary>
    /// A request that presents a bearer token the gateway cannot validate stops here with 401; one without a token
    /// passes as the public. Each service still authorises by role itself.
    /// </summary>
    public static IApplicationBuilder RejectInvalidTokens(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            if (context.Request.Headers.Authorization.Count > 0 && context.User.Identity?.IsAuthenticated != true &&
                context.Request.Path.StartsWithSegments("/api"))
            {
                await context.ChallengeAsync(JwtBearerDefaults.AuthenticationScheme);
                return;
            }

            await next(context);
        });
}
