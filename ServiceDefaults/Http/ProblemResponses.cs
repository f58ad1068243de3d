using System.Diagnostics;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace PanelPlatform.ServiceDefaults.Http;

public static class ProblemResponses
{
    /// <summary>Default request body limit; endpoints that take files raise their own.</summary>
    public const long DefaultMaxRequestBodyBytes = 1024 * 1024;

    public static IHostApplicationBuilder AddProblemResponses(this IHostApplicationBuilder builder)
    {
        builder.Services.AddProblemDetails(options => options.CustomizeProblemDetails = context =>
        {
            var problem = context.ProblemDetails;
            problem.Instance ??= context.HttpContext.Request.Path;
            problem.Extensions.TryAdd("traceId", Activity.Current?.TraceId.ToString() ?? context.HttpContext.TraceIdentifier);
            if (context.HttpContext.Request.Headers.TryGetValue(RequestIds.HeaderName, out var requestId))
            {
                problem.Extensions.TryAdd("requestId", requestId.ToString());
            }

            problem.Type ??= problem.Status switch
            {
                StatusCodes.Status400BadRequest => Problems.MalformedRequest,
                StatusCodes.Status401Unauthorized => Problems.Unauthenticated,
                StatusCodes.Status403Forbidden => Problems.Forbidden,
                StatusCodes.Status404NotFound => Problems.NotFound,
                StatusCodes.Status409Conflict => Problems.Conflict,
                StatusCodes.Status413PayloadTooLarge => Problems.TooLarge,
                StatusCodes.Status429TooManyRequests => Problems.TooManyRequests,
                _ => problem.Type,
            };
        });
        builder.Services.AddExceptionHandler<BadRequestExceptionHandler>();
        // Binding failures throw so BadRequestExceptionHandler can say which field was wrong.
        builder.Services.Configure<RouteHandlerOptions>(options => options.ThrowOnBadRequest = true);
        builder.Services.Configure<Microsoft.AspNetCore.Server.Kestrel.Core.KestrelServerOptions>(
            options => options.Limits.MaxRequestBodySize = DefaultMaxRequestBodyBytes);
        return builder;
    }

    /// <summary>Exception handler, then status code pages: every error response has a problem body.</summary>
    public static WebApplication UseProblemResponses(this WebApplication app)
    {
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        return app;
    }
}

/// <summary>
/// Turns request-shape failures (malformed JSON, wrong types, unknown fields, oversized bodies) into 400/413
/// problems naming the field, instead of a bare status or a 500.
/// </summary>
internal sealed partial class BadRequestExceptionHandler(IProblemDetailsService problems, ILogger<BadRequestExceptionHandler> logger)
    : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is not BadHttpRequestException badRequest)
        {
            return false;
        }

        var status = badRequest.StatusCode;
        var json = FindJsonException(badRequest);
        ProblemDetails problem;
        if (status == StatusCodes.Status413PayloadTooLarge)
        {
            problem = Problems.Create(status, Problems.TooLarge, "The request body is too large",
                $"Request bodies may be at most {httpContext.Features.Get<Microsoft.AspNetCore.Http.Features.IHttpMaxRequestBodySizeFeature>()?.MaxRequestBodySize ?? ProblemResponses.DefaultMaxRequestBodyBytes} bytes.");
        }
        else if (json is not null)
        {
            var field = JsonPathToField(json.Path);
            problem = new HttpValidationProblemDetails(new Dictionary<string, string[]>
            {
                [field] = [Describe(json)],
            })
            {
                Status = StatusCodes.Status400BadRequest,
                Type = Problems.MalformedRequest,
                Title = "The request body is not valid JSON for this operation",
                Detail = Describe(json),
            };
        }
        else
        {
            problem = Problems.Create(status, Problems.MalformedRequest, "The request is malformed", badRequest.Message);
        }

        LogBadRequest(logger, httpContext.Request.Method, httpContext.Request.Path, problem.Detail);
        httpContext.Response.StatusCode = problem.Status ?? status;
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            ProblemDetails = problem,
            Exception = exception,
        });
    }

    private static JsonException? FindJsonException(Exception exception)
    {
        for (var inner = exception; inner is not null; inner = inner.InnerException)
        {
            if (inner is JsonException json)
            {
                return json;
            }
        }

        return null;
    }

    private static string Describe(JsonException json)
    {
        // System.Text.Json messages name CLR types; keep the part a client can act on.
        var message = json.Message;
        var cut = message.IndexOf(" Path:", StringComparison.Ordinal);
        message = cut > 0 ? message[..cut] : message;
        return message.Replace("System.", "", StringComparison.Ordinal);
    }

    /// <summary><c>$.agenda[2].title</c> → <c>agenda[2].title</c>; the root is "body".</summary>
    internal static string JsonPathToField(string? path) =>
        string.IsNullOrEmpty(path) || path == "$" ? "body" : path.TrimStart('$').TrimStart('.');

    [LoggerMessage(Level = LogLevel.Information, Message = "Bad request {Method} {Path}: {Detail}")]
    private static partial void LogBadRequest(ILogger logger, string method, string path, string? detail);
}
