using Microsoft.AspNetCore.Mvc.ModelBinding;
using PanelPlatform.Web.Gateway;

namespace PanelPlatform.Web.Govuk;

/// <summary>
/// How a form names the API's fields: the page property each goes beside, and the page's own wording for when the API
/// speaks in field names ("contact.phone is not a telephone number.") rather than in words a resident reads.
/// </summary>
public sealed class FieldProblems
{
    private readonly Dictionary<string, (string Property, string? Wording)> _fields = new(StringComparer.OrdinalIgnoreCase);

    /// <param name="apiField">The API's name (<c>organisation.name</c>); <c>areas[2]</c> is read as <c>areas</c>.</param>
    /// <param name="wording">Shown instead of an API message that begins with the field's name; null keeps the API's words.</param>
    public FieldProblems Field(string apiField, string property, string? wording = null)
    {
        _fields[apiField] = (property, wording);
        return this;
    }

    /// <summary>
    /// Puts the problem's messages beside the fields they name, in the page's words where the API's are meant for
    /// developers; anything for a field the page does not show goes at the top of the error summary. Each field shows
    /// its first message once.
    /// </summary>
    public void AddTo(ModelStateDictionary state, ApiProblem problem)
    {
        foreach (var (field, messages) in problem.Errors)
        {
            var name = BaseName(field);
            if (!_fields.TryGetValue(name, out var target))
            {
                foreach (var message in messages)
                {
                    state.AddModelError("", Sentence(message));
                }

                continue;
            }

            foreach (var message in messages)
            {
                var words = target.Wording is not null && StartsWithFieldName(message, name) ? target.Wording : Sentence(message);
                if (!state.TryGetValue(target.Property, out var entry) || entry.Errors.All(e => e.ErrorMessage != words))
                {
                    state.AddModelError(target.Property, words);
                }
            }
        }

        if (problem.Errors.Count == 0)
        {
            state.AddModelError("", problem.Detail ?? problem.Title ?? "Something went wrong. Try again.");
        }
    }

    /// <summary><c>areas[2]</c> → <c>areas</c>, <c>criteria[0].name</c> → <c>criteria.name</c>.</summary>
    public static string BaseName(string field) => System.Text.RegularExpressions.Regex.Replace(field, @"\[\d+\]", "");

    private static bool StartsWithFieldName(string message, string field)
    {
        var last = field[(field.LastIndexOf('.') + 1)..];
        return message.StartsWith(field, StringComparison.OrdinalIgnoreCase) || message.StartsWith(last, StringComparison.OrdinalIgnoreCase) ||
               message.StartsWith($"'", StringComparison.Ordinal);
    }

    private static string Sentence(string message) =>
        message.Length > 0 && char.IsLower(message[0]) ? char.ToUpperInvariant(message[0]) + message[1..] : message;
}
