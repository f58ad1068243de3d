using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace PanelPlatform.Web.Pages;

/// <summary>What a visitor sees when something is wrong: GOV.UK's wording for "page not found" and "problem with the service".</summary>
[IgnoreAntiforgeryToken]
public sealed partial class ErrorModel(ILogger<ErrorModel> logger) : PageModel
{
    public enum ErrorKind
    {
        NotFound,
        Forbidden,
        TooMany,
        FormNotAccepted,
        Unavailable,
    }

    public ErrorKind Kind { get; private set; }

    public string Heading { get; private set; } = "";

    public string? RequestId { get; private set; }

    public IActionResult OnGet(int? status) => Show(status);

    public IActionResult OnPost(int? status) => Show(status);

    private IActionResult Show(int? status)
    {
        var exception = HttpContext.Features.Get<IExceptionHandlerFeature>()?.Error;
        if (exception is not null)
        {
            LogFailed(logger, HttpContext.Features.Get<IExceptionHandlerPathFeature>()?.Path ?? "", exception);
        }

        // A direct visit to /error is not an error of its own: it is a page that does not exist.
        var code = exception is not null ? StatusCodes.Status503ServiceUnavailable : status ?? StatusCodes.Status404NotFound;
        (Kind, Heading) = code switch
        {
            StatusCodes.Status404NotFound or StatusCodes.Status405MethodNotAllowed => (ErrorKind.NotFound, "Page not found"),
            StatusCodes.Status403Forbidden => (ErrorKind.Forbidden, "You do not have access to this page"),
            StatusCodes.Status429TooManyRequests => (ErrorKind.TooMany, "Too many requests"),
            // What a form post gets when its antiforgery token is missing or no longer readable.
            StatusCodes.Status400BadRequest when HttpMethods.IsPost(Request.Method)
                => (ErrorKind.FormNotAccepted, "Sorry, your form could not be sent"),
            < 500 and >= 400 => (ErrorKind.NotFound, "Page not found"),
            _ => (ErrorKind.Unavailable, "Sorry, there is a problem with the service"),
        };
        RequestId = Kind == ErrorKind.Unavailable ? HttpContext.TraceIdentifier : null;
        Response.StatusCode = code is >= 400 and < 600 ? code : StatusCodes.Status404NotFound;
        return Page();
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "The page {Path} failed")]
    private static partial void LogFailed(ILogger logger, string path, Exception exception);
}
