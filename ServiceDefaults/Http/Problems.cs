using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace PanelPlatform.ServiceDefaults.Http;

/// <summary>
/// RFC 9457 problem responses with a stable <c>type</c> per kind of error, so clients can branch on it.
/// </summary>
public static class Problems
{
    public const string TypeBase = "https://panel-platform.uk/problems/";

    public const string Validation = TypeBase + "validation";
    public const string MalformedRequest = TypeBase + "malformed-request";
    public const string NotFound = TypeBase + "not-found";
    public const string Conflict = TypeBase + "conflict";
    public const string Unauthenticated = TypeBase + "unauthenticated";
    public const string Forbidden = TypeBase + "forbidden";
    public const string TooLarge = TypeBase + "request-too-large";
    public const string TooManyRequests = TypeBase + "too-many-requests";
    public const string Unexpected = TypeBase + "unexpected";

    public static ProblemHttpResult NotFoundProblem(string what, object id) =>
        TypedResults.Problem(
            title: $"{what} not found",
            detail: $"There is no {what.ToLowerInvariant()} with id '{id}'.",
            statusCode: StatusCodes.Status404NotFound,
            type: NotFound);

    /// <summary>A request that conflicts with the current state of the resource (409); <paramref name="code"/> becomes part of the type.</summary>
    public static ProblemHttpResult ConflictProblem(string code, string title, string detail) =>
        TypedResults.Problem(
            title: title,
            detail: detail,
            statusCode: StatusCodes.Status409Conflict,
            type: $"{Conflict}/{code}");

    /// <summary>A well-formed request that breaks a business rule (422).</summary>
    public static ProblemHttpResult RuleProblem(string code, string title, string detail) =>
        TypedResults.Problem(
            title: title,
            detail: detail,
            statusCode: StatusCodes.Status422UnprocessableEntity,
            type: $"{TypeBase}{code}");

    public static ValidationProblem ValidationProblem(IDictionary<string, string[]> errors, string? detail = null) =>
        TypedResults.ValidationProblem(
            errors,
            detail: detail ?? "One or more fields are missing or invalid.",
            title: "The request is invalid",
            type: Validation);

    public static ProblemDetails Create(int status, string type, string title, string? detail) =>
        new() { Status = status, Type = type, Title = title, Detail = detail };
}
