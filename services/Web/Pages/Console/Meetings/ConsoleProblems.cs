using Microsoft.AspNetCore.Mvc.ModelBinding;
using PanelPlatform.Web.Gateway;
using PanelPlatform.Web.Govuk;

namespace PanelPlatform.Web.Pages.Console.Meetings;

/// <summary>
/// What the console says when an API refuses a change: validation beside the fields (as <see cref="ApiProblemErrors"/>),
/// a rule broken by a field next to that field, and a conflict (409) said plainly at the top — the page is shown again
/// with what was typed, never redirected away from it.
/// </summary>
public static class ConsoleProblems
{
    /// <param name="fields">The API's field names to the page's properties.</param>
    /// <param name="rules">A rule's code (the end of the problem's type, e.g. <c>exemption-reason-required</c>) to the property it is about.</param>
    public static void AddConsoleProblem(
        this ModelStateDictionary state, ApiProblem problem, IReadOnlyDictionary<string, string>? fields = null,
        IReadOnlyDictionary<string, string>? rules = null)
    {
        var code = problem.Type is { } type ? type[(type.LastIndexOf('/') + 1)..] : "";
        if (rules is not null && rules.TryGetValue(code, out var property) && problem.Errors.Count == 0)
        {
            state.AddModelError(property, problem.Detail ?? problem.Title ?? "This is not allowed.");
            return;
        }

        switch (problem.Status)
        {
            case 409 when code == "concurrent-change":
                state.AddModelError("", "Not saved: someone else changed this while you were working on it. Their change is shown below and what you typed is still in the form — check it, then try again.");
                break;
            case 409:
                state.AddModelError("", $"Not saved: {problem.Detail ?? problem.Title ?? "the record has changed since you opened it."} Reload the page to see it as it is now.");
                break;
            case 403:
                state.AddModelError("", $"You cannot do this: {problem.Detail ?? "your role does not allow it."}");
                break;
            case 404:
                state.AddModelError("", "Not saved: this no longer exists. Someone may have deleted it; reload the page.");
                break;
            default:
                state.AddApiProblem(problem, fields);
                break;
        }
    }
}
