using System.Net;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.FileProviders;
using PanelPlatform.ServiceDefaults.Http;

namespace PanelPlatform.Web;

/// <summary>
/// The site is reached only through the gateway: it takes the resident's address, scheme and host from the gateway's
/// forwarded headers (so sign-in redirects and links name the gateway), sends security headers, serves GOV.UK
/// Frontend's files under <c>/assets/</c>, and answers errors with its own pages.
/// </summary>
public static class SiteBehindGateway
{
    /// <summary><c>Web:TrustedProxies</c>: networks (CIDR) whose forwarded headers are believed; loopback when unset.</summary>
    public static WebApplicationBuilder AddSiteBehindGateway(this WebApplicationBuilder builder)
    {
        var trusted = builder.Configuration.GetSection("Web:TrustedProxies").Get<string[]>() ?? [];
        builder.Services.Configure<ForwardedHeadersOptions>(forwarded =>
        {
            forwarded.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto | ForwardedHeaders.XForwardedHost;
            forwarded.ForwardLimit = 1;
            foreach (var network in trusted)
            {
                forwarded.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(network));
            }
        });
        // Form posts of the staff console carry a document of up to 10 MB; everything else stays small.
        builder.Services.Configure<Microsoft.AspNetCore.Http.Features.FormOptions>(form => form.MultipartBodyLengthLimit = 11 * 1024 * 1024);
        return builder;
    }

    public static WebApplication UseSiteBehindGateway(this WebApplication app)
    {
        app.UseForwardedHeaders();
        app.UseRequestIds();
        app.Use(async (context, next) =>
        {
            var headers = context.Response.Headers;
            headers.ContentSecurityPolicy =
                "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; " +
                "connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'self'; object-src 'none'";
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY";
            headers["Referrer-Policy"] = "strict-origin-when-cross-origin";
            headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=()";
            await next(context);
        });
        app.UseExceptionHandler("/error");
        app.UseStatusCodePagesWithReExecute("/error/{0}");
        app.UseStaticFiles(new StaticFileOptions
        {
            FileProvider = new PhysicalFileProvider(Path.Combine(AppContext.BaseDirectory, "govuk")),
            RequestPath = "/assets",
            OnPrepareResponse = file => file.Context.Response.Headers.CacheControl = "public, max-age=86400",
        });
        app.UseStaticFiles();
        return app;
    }
}
