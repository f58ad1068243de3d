using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using PanelPlatform.Meetings.Domain;
using PanelPlatform.ServiceDefaults.Http;

namespace PanelPlatform.Meetings.Endpoints;

/// <summary>
/// A broken rule is a 422 problem (409 when it is about the record's current state), thrown before anything is saved;
/// a unique index that catches a concurrent duplicate is a 409 too, never a 500.
/// </summary>
internal sealed class RuleViolationHandler(IProblemDetailsService problems) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        ProblemDetails problem;
        switch (exception)
        {
            case RuleViolation rule:
                problem = rule.IsConflict
                    ? Problems.Create(StatusCodes.Status409Conflict, $"{Problems.Conflict}/{rule.Code}", "The record does not allow this now", rule.Message)
                    : Problems.Create(StatusCodes.Status422UnprocessableEntity, $"{Problems.TypeBase}{rule.Code}", "A rule of the committee record was broken", rule.Message);
                break;
            case DbUpdateException { InnerException: PostgresException { SqlState: PostgresErrorCodes.UniqueViolation } unique }:
                problem = Problems.Create(StatusCodes.Status409Conflict, $"{Problems.Conflict}/duplicate", "Already recorded",
                    $"This would duplicate an existing record ({unique.ConstraintName}).");
                break;
            default:
                return false;
        }

        problem.Extensions["code"] = exception is RuleViolation r ? r.Code : "duplicate";
        httpContext.Response.StatusCode = problem.Status!.Value;
        return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = httpContext, ProblemDetails = problem, Exception = exception });
    }
}
