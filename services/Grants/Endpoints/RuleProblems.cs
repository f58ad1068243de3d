using Microsoft.AspNetCore.Http.HttpResults;
using PanelPlatform.Grants.Domain;
using PanelPlatform.ServiceDefaults.Http;

namespace PanelPlatform.Grants.Endpoints;

internal static class RuleProblems
{
    public static ProblemHttpResult ToProblem(this GrantRuleException rule) =>
        rule.Kind == RuleKind.Conflict
            ? Problems.ConflictProblem(rule.Code, rule.Title, rule.Message)
            : Problems.RuleProblem(rule.Code, rule.Title, rule.Message);

    /// <summary>A 422 listing, by field, why a draft cannot be submitted.</summary>
    public static ProblemHttpResult Incomplete(IReadOnlyDictionary<string, string[]> errors) =>
        TypedResults.Problem(
            title: "The application cannot be submitted yet",
            detail: "Some answers are missing or not eligible; the draft is kept as it was.",
            statusCode: StatusCodes.Status422UnprocessableEntity,
            type: Problems.TypeBase + "application-incomplete",
            extensions: new Dictionary<string, object?> { ["errors"] = errors });
}
