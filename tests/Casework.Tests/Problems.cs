using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace PanelPlatform.Casework.Tests;

internal static class Problems
{
    /// <summary>An RFC 9457 problem with <paramref name="status"/> that names <paramref name="field"/> (in errors, type or detail).</summary>
    public static async Task<JsonElement> AssertNamesFieldAsync(HttpResponseMessage response, HttpStatusCode status, string field, string why = "")
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == status, $"{why}: expected {(int)status}, got {(int)response.StatusCode}: {text}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonDocument.Parse(text).RootElement.Clone();
        Assert.StartsWith("https://panel-platform.uk/problems/", problem.GetProperty("type").GetString());
        var named = problem.TryGetProperty("errors", out var errors) && errors.EnumerateObject().Any(e => e.Name.StartsWith(field, StringComparison.Ordinal));
        Assert.True(named || (problem.GetProperty("type").GetString() ?? "").Contains(field, StringComparison.Ordinal)
                || (problem.TryGetProperty("detail", out var detail) && (detail.GetString() ?? "").Contains(field, StringComparison.Ordinal)),
            $"{why}: the problem does not name {field}: {text}");
        return problem;
    }

    public static async Task<string> AssertProblemTypeAsync(HttpResponseMessage response, HttpStatusCode status, string typeEndsWith)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == status, $"expected {(int)status}, got {(int)response.StatusCode}: {text}");
        var type = JsonDocument.Parse(text).RootElement.GetProperty("type").GetString()!;
        Assert.EndsWith(typeEndsWith, type, StringComparison.Ordinal);
        return type;
    }
}
