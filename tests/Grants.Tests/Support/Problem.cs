using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace PanelPlatform.Grants.Tests.Support;

public static class Problem
{
    /// <summary>The response is an RFC 9457 problem with <paramref name="status"/> that names <paramref name="field"/>.</summary>
    public static async Task<JsonElement> AssertNamesFieldAsync(HttpResponseMessage response, HttpStatusCode status, string field, string why)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == status, $"{why}: expected {(int)status}, got {(int)response.StatusCode}: {text}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonDocument.Parse(text).RootElement;
        Assert.StartsWith("https://panel-platform.uk/problems/", problem.GetProperty("type").GetString(), StringComparison.Ordinal);
        var named = problem.TryGetProperty("errors", out var errors) && errors.EnumerateObject().Any(e => e.Name.StartsWith(field, StringComparison.Ordinal));
        Assert.True(named || (problem.TryGetProperty("detail", out var detail) && detail.GetString()!.Contains(field, StringComparison.Ordinal)),
            $"{why}: the problem does not name {field}: {text}");
        return problem;
    }

    /// <summary>The response is a problem of <paramref name="status"/> whose type ends with <paramref name="code"/>.</summary>
    public static async Task<JsonElement> AssertAsync(HttpResponseMessage response, HttpStatusCode status, string code)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == status, $"expected {(int)status} {code}, got {(int)response.StatusCode}: {text}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonDocument.Parse(text).RootElement;
        Assert.EndsWith(code, problem.GetProperty("type").GetString(), StringComparison.Ordinal);
        return problem;
    }
}
