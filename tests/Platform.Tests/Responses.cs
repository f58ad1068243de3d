global using static PanelPlatform.Platform.Tests.Responses;
using System.Net;
using System.Text.Json;

namespace PanelPlatform.Platform.Tests;

/// <summary>What the journeys check of each API answer they build on: its status, or the request and body that came back instead.</summary>
internal static class Responses
{
    public static async Task<JsonElement> ExpectAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == status,
            $"{response.RequestMessage?.Method} {response.RequestMessage?.RequestUri?.PathAndQuery}: expected {(int)status}, got {(int)response.StatusCode}: {body}");
        return body.Length == 0 ? default : JsonDocument.Parse(body).RootElement.Clone();
    }
}
