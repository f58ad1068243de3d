using Microsoft.AspNetCore.Http.HttpResults;
using PanelPlatform.Casework.Domain;
using PanelPlatform.ServiceDefaults.Http;

namespace PanelPlatform.Casework.Endpoints;

internal static class CaseProblems
{
    public static ProblemHttpResult From(CaseRuleException rule) => rule.IsConflict
        ? Problems.ConflictProblem(rule.Code, "The case cannot do that now", rule.Message)
        : Problems.RuleProblem(rule.Code, "The case rules do not allow that", rule.Message);

    public static ProblemHttpResult ChangedMeanwhile() => Problems.ConflictProblem(
        "changed-concurrently", "The case changed meanwhile", "Someone else changed this case at the same time; read it again and retry.");

    public static ProblemHttpResult CaseNotFound(Guid id) => Problems.NotFoundProblem("Case", id);
}

/// <summary>Query-string values in the API's kebab-case (<c>?status=in-progress</c>).</summary>
internal static class KebabQuery
{
    public static bool TryParse<T>(string? value, string field, Validation validation, out T? result) where T : struct, Enum
    {
        result = null;
        if (string.IsNullOrWhiteSpace(value))
        {
            return true;
        }

        foreach (var candidate in Enum.GetValues<T>())
        {
            if (string.Equals(candidate.Kebab(), value.Trim(), StringComparison.OrdinalIgnoreCase))
            {
                result = candidate;
                return true;
            }
        }

        validation.Add(field, $"{field} must be one of: {string.Join(", ", Enum.GetValues<T>().Select(v => v.Kebab()))}.");
        return false;
    }
}
