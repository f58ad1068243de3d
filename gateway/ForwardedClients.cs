using PanelPlatform.ServiceDefaults.Http;

namespace PanelPlatform.Gateway;

public static class ForwardedClients
{
    /// <summary>
    /// A request the web site makes for a resident carries the resident's address, signed: from here on it is the
    /// request's client address, so the anonymous-write limit and the services' own per-address limits (which read the
    /// X-Forwarded-For entry the proxy appends) count the resident, not the site. An unsigned or stale claim is dropped.
    /// </summary>
    public static IApplicationBuilder UseForwardedClients(this IApplicationBuilder app, IConfiguration configuration, TimeProvider time)
    {
        var key = ForwardedClient.KeyFrom(configuration);
        return app.Use(async (context, next) =>
        {
            if (context.Request.Headers.Remove(ForwardedClient.HeaderName, out var header) && key is not null &&
                ForwardedClient.TryRead(key, header.ToString(), time.GetUtcNow(), out var resident))
            {
                context.Connection.RemoteIpAddress = resident;
            }

            await next(context);
        });
    }
}
