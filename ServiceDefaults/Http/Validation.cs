using Microsoft.AspNetCore.Http.HttpResults;

namespace PanelPlatform.ServiceDefaults.Http;

/// <summary>Collects field errors for one request; the endpoint returns <see cref="ToProblem"/> when any were found.</summary>
public sealed class Validation
{
    private readonly Dictionary<string, List<string>> _errors = new(StringComparer.Ordinal);

    public bool IsValid => _errors.Count == 0;

    public Validation Add(string field, string message)
    {
        if (!_errors.TryGetValue(field, out var messages))
        {
            _errors[field] = messages = [];
        }

        messages.Add(message);
        return this;
    }

    public Validation Required(string field, string? value, int maxLength = 500)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return Add(field, $"{field} is required.");
        }

        return MaxLength(field, value, maxLength);
    }

    public Validation Required<T>(string field, T? value) where T : struct =>
        value is null ? Add(field, $"{field} is required.") : this;

    public Validation MaxLength(string field, string? value, int maxLength)
    {
        if (value is not null && value.Length > maxLength)
        {
            Add(field, $"{field} must be at most {maxLength} characters (it has {value.Length}).");
        }

        return this;
    }

    /// <summary>Rejects text with markup or control characters, which has no place in plain-text fields.</summary>
    public Validation PlainText(string field, string? value)
    {
        if (value is null)
        {
            return this;
        }

        if (value.Contains('<', StringComparison.Ordinal) && System.Text.RegularExpressions.Regex.IsMatch(value, "<\\s*/?\\s*[a-zA-Z!]"))
        {
            Add(field, $"{field} must be plain text, without HTML or script tags.");
        }
        else if (value.Any(c => char.IsControl(c) && c is not ('\n' or '\r' or '\t')))
        {
            Add(field, $"{field} contains control characters.");
        }

        return this;
    }

    public Validation Must(bool condition, string field, string message) => condition ? this : Add(field, message);

    public IDictionary<string, string[]> Errors => _errors.ToDictionary(e => e.Key, e => e.Value.ToArray());

    public ValidationProblem ToProblem() => Problems.ValidationProblem(Errors);
}
