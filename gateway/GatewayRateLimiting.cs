using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using PanelPlatform.ServiceDefaults.Http;

namespace PanelPlatform.Gateway;

/// <summary>
/// Anonymous writes (a public question, a complaint form, an alert sign-up) are limited per client address;
/// reads and signed-in staff are not. Configured under <c>Gateway:AnonymousWrites</c>. Posts of the sign-in form are
/// limited per address separately (<c>Gateway:SignIn</c>).
/// </summary>
public static class GatewayRateLimiting
{
    public const string AnonymousWritesPolicy = "anonymous-writes";
    public const string SignInPolicy = "sign-in";
    public const string LoginPath = "/identity/account/login";

    public sealed class Options
    {
        public int PermitsPerWindow { get; set; } = 20;
        public TimeSpan Window { get; set; } = TimeSpan.FromMinutes(1);
    }

    public static IHostApplicationBuilder AddGatewayRateLimiting(this IHostApplicationBuilder builder)
    {
        var options = builder.Configuration.GetSection("Gateway:AnonymousWrites").Get<Options>() ?? new Options();
        var signIn = builder.Configuration.GetSection("Gateway:SignIn").Get<Options>() ?? new Options { PermitsPerWindow = 30 };
        builder.Services.AddRateLimiter(limiter =>
        {
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.OnRejected = async (context, cancellationToken) =>
            {
                if (context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter))
                {
                    context.HttpContext.Response.Headers.RetryAfter = ((int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
                }

                var problems = context.HttpContext.RequestServices.GetRequiredService<IProblemDetailsService>();
                await problems.WriteAsync(new ProblemDetailsContext
                {
                    HttpContext = context.HttpContext,
                    ProblemDetails = Problems.Create(StatusCodes.Status429TooManyRequests, Problems.TooManyRequests,
                        "Too many requests", "Too many submissions from this address; try again shortly."),
                });
            };
            limiter.AddPolicy(AnonymousWritesPolicy, context =>
            {
                var isWrite = !(HttpMethods.IsGet(context.Request.Method) || HttpMethods.IsHead(context.Request.Method) || HttpMethods.IsOptions(context.Request.Method));
                if (!isWrite || context.User.Identity?.IsAuthenticated == true)
                {
                    return RateLimitPartition.GetNoLimiter("unlimited");
                }

                var client = context.Connection.RemoteIpAddress?.ToString() ?? "unknown";
                return RateLimitPartition.GetFixedWindowLimiter(client, _ => new FixedWindowRateLimiterOptions
                {
                    PermitLimit = options.PermitsPerWindow,
                    Window = options.Window,
                    QueueLimit = 0,
                });
            });
            // Password guessing from one address across many accounts (each account locks itself after 5 failures).
            limiter.AddPolicy(SignInPolicy, context =>
            {
                if (!HttpMethods.IsPost(context.Request.Method) ||
                    !context.Request.Path.Equals(LoginPath, StringComparison.OrdinalIgnoreCase))
                {
                    return RateLimitPartition.GetNoLimiter("unlimited");
                }

                var client = context.Connection.RemoteIpAddress?.ToString() ?? "unknown";
                return RateLimitPartition.GetFixedWindowLimiter(client, _ => new FixedWindowRateLimiterOptions
                {
                    PermitLimit = signIn.PermitsPerWindow,
                    Window = signIn.Window,
                    QueueLimit = 0,
                });
            });
        });
        return builder;
    }
}
