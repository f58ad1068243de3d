using System.Text.Json;

namespace PanelPlatform.Gateway;

/// <summary><c>/health</c> of the gateway: healthy only when every service behind it says so.</summary>
public sealed class ServiceHealth(HttpClient http)
{
    public static async Task<IResult> ReportAsync(ServiceHealth health, CancellationToken cancellationToken)
    {
        var checks = await Task.WhenAll(GatewayApi.Backends.Select(s => health.CheckAsync(s, cancellationToken)));
        var healthy = checks.All(c => c.Status == "Healthy");
        var body = new
        {
            status = healthy ? "Healthy" : "Unhealthy",
            services = checks.ToDictionary(c => c.Service, c => new { status = c.Status, detail = c.Detail }),
        };
        return Results.Json(body, statusCode: healthy ? StatusCodes.Status200OK : StatusCodes.Status503ServiceUnavailable);
    }

    private sealed record Check(string Service, string Status, JsonElement? Detail);

    private async Task<Check> CheckAsync(string service, CancellationToken cancellationToken)
    {
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(TimeSpan.FromSeconds(5));
            using var response = await http.GetAsync($"http://{service}/health", timeout.Token);
            var detail = await response.Content.ReadFromJsonAsync<JsonElement>(timeout.Token);
            var status = detail.TryGetProperty("status", out var s) ? s.GetString() ?? "Unknown" : "Unknown";
            return new Check(service, response.IsSuccessStatusCode ? status : "Unhealthy", detail);
        }
        catch (Exception e) when (e is HttpRequestException or OperationCanceledException or JsonException)
        {
            return new Check(service, "Unreachable", JsonSerializer.SerializeToElement(new { error = e.Message }));
        }
    }
}
