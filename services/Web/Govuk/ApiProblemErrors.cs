using Microsoft.AspNetCore.Mvc.ModelBinding;
using PanelPlatform.Web.Gateway;

namespace PanelPlatform.Web.Govuk;

public static class ApiProblemErrors
{
    /// <summary>
    /// Puts what an API said was wrong beside the fields it names: <paramref name="fields"/> maps the API's field names
    /// (as in its <c>errors</c>, e.g. <c>organisation.name</c>) to the page's properties. A message for a field the page
    /// does not show, or a problem without field errors, goes at the top of the error summary.
    /// </summary>
    public static void AddApiProblem(this ModelStateDictionary state, ApiProblem problem, IReadOnlyDictionary<string, string>? fields = null)
    {
        var mapped = fields is null ? null : new Dictionary<string, string>(fields, StringComparer.OrdinalIgnoreCase);
        foreach (var (field, messages) in problem.Errors)
        {
            var key = mapped is not null && mapped.TryGetValue(field, out var property) ? property : "";
            foreach (var message in messages)
            {
                state.AddModelError(key, Sentence(message));
            }
        }

        if (problem.Errors.Count == 0)
        {
            state.AddModelError("", problem.Detail ?? problem.Title ?? "Something went wrong. Try again.");
        }
    }

    /// <summary>The APIs write "text is required." for developers; the page shows "Text is required."</summary>
    private static string Sentence(string message) =>
        message.Length > 0 && char.IsLower(message[0]) ? char.ToUpperInvariant(message[0]) + message[1..] : message;
}
