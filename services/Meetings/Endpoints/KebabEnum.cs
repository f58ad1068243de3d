using System.Text.Json;
using PanelPlatform.ServiceDefaults.Http;

namespace PanelPlatform.Meetings.Endpoints;

/// <summary>Query-string enums in the same kebab-case the JSON uses ("agenda-published", "report").</summary>
internal static class KebabEnum
{
    public static string Name<T>(T value) where T : struct, Enum => JsonNamingPolicy.KebabCaseLower.ConvertName(value.ToString());

    public static bool TryRead<T>(string? text, string field, Validation validation, out T? value) where T : struct, Enum
    {
        value = null;
        if (string.IsNullOrWhiteSpace(text))
        {
            return true;
        }

        foreach (var candidate in Enum.GetValues<T>())
        {
            if (string.Equals(Name(candidate), text.Trim(), StringComparison.Ordinal))
            {
                value = candidate;
                return true;
            }
        }

        validation.Add(field, $"{field} must be one of: {string.Join(", ", Enum.GetValues<T>().Select(Name))}.");
        return false;
    }
}
