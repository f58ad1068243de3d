using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace PanelPlatform.ServiceDefaults.Http;

/// <summary>
/// Every request carries an <c>X-Request-Id</c>: kept when the caller (or the gateway) sent one, made otherwise,
/// echoed on the response and written into log scopes.
/// </summary>
public static class RequestIds
{
    public const string HeaderName = "X-Request-Id";

    public static IApplicationBuilder UseRequestIds(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            var requestId = context.Request.Headers[HeaderName].ToString();
            if (string.IsNullOrWhiteSpace(requestId) || requestId.Length > 128)
            {
                requestId = Guid.NewGuid().ToString("N");
                context.Request.Headers[HeaderName] = requestId;
            }

            context.TraceIdentifier = requestId;
            context.Response.OnStarting(() =>
            {
                context.Response.Headers[HeaderName] = requestId;
                return Task.CompletedTask;
            });
            System.Diagnostics.Activity.Current?.SetTag("http.request_id", requestId);
            await next(context);
        });
}
