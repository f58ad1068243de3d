using System.Text.Json;
using PanelPlatform.Web.Gateway;

namespace PanelPlatform.Web.Pages.Alerts;

public sealed record Named(string Slug, string Name);

public sealed record TopicChoice(string Slug, string Name, string Description);

/// <summary>What a resident may choose from (GET /api/notifications/choices).</summary>
public sealed record Choices(
    IReadOnlyList<string> Areas, IReadOnlyList<Named> Groups, string NeighbourhoodWatchPrefix, IReadOnlyList<TopicChoice> Topics,
    IReadOnlyList<Named> Channels, IReadOnlyList<Named> Frequencies);

/// <summary>A subscriber as they see themselves through their manage link.</summary>
public sealed record Subscriber(
    Guid Id, string? Email, string? EmailState, string? Mobile, string? MobileState, string[] Areas, string[] Wards, string[] Groups,
    Dictionary<string, string[]> Topics, string Frequency, bool IsMember, DateTimeOffset CreatedAt);

public sealed record SubscriberExport(Subscriber Subscriber, DateTimeOffset ExportedAt);

public sealed record Confirmed(string Channel, string State);

/// <summary>Sign-up and the subscriber's own calls; the link's token travels as the API asks (<c>?token=</c>).</summary>
public sealed class AlertsApi(PanelApi api)
{
    public async Task<Choices> ChoicesAsync(CancellationToken cancellationToken) =>
        (await api.GetAsync<Choices>("api/notifications/choices", cancellationToken)).Required("the alert choices");

    public Task<ApiResult<JsonElement>> SignUpAsync(object request, CancellationToken cancellationToken) =>
        api.PostAsync<JsonElement>("api/notifications/subscribers", request, cancellationToken);

    public Task<ApiResult<Confirmed>> ConfirmAsync(string token, CancellationToken cancellationToken) =>
        api.PostAsync<Confirmed>($"api/notifications/subscribers/confirm?token={Uri.EscapeDataString(token)}", null, cancellationToken);

    public Task<ApiResult<SubscriberExport>> OwnAsync(string token, CancellationToken cancellationToken) =>
        api.GetAsync<SubscriberExport>($"api/notifications/subscribers/me?token={Uri.EscapeDataString(token)}", cancellationToken);

    /// <summary>Everything the service holds about the subscriber, as it gives it (for "download your data").</summary>
    public Task<ApiResult<JsonElement>> ExportAsync(string token, CancellationToken cancellationToken) =>
        api.GetAsync<JsonElement>($"api/notifications/subscribers/me?token={Uri.EscapeDataString(token)}", cancellationToken);

    public Task<ApiResult<JsonElement>> ChangeAsync(string token, object preferences, CancellationToken cancellationToken) =>
        api.PutAsync<JsonElement>($"api/notifications/subscribers/me?token={Uri.EscapeDataString(token)}", preferences, cancellationToken);

    public Task<ApiResult<JsonElement>> EraseAsync(string token, CancellationToken cancellationToken) =>
        api.DeleteAsync($"api/notifications/subscribers/me?token={Uri.EscapeDataString(token)}", cancellationToken);

    public Task<ApiResult<JsonElement>> SendManageLinkAsync(string email, CancellationToken cancellationToken) =>
        api.PostAsync<JsonElement>("api/notifications/subscribers/manage-link", new { email }, cancellationToken);

    /// <summary>The unsubscribe link's POST (the one the email's one-click header names too); its answer is a page, so only its status is read.</summary>
    public async Task<int> UnsubscribeAsync(string token, CancellationToken cancellationToken)
    {
        using var response = await api.SendRawAsync(
            new HttpRequestMessage(HttpMethod.Post, $"api/notifications/unsubscribe?token={Uri.EscapeDataString(token)}"),
            HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        return (int)response.StatusCode;
    }
}

/// <summary>The site's words for Notifications' codes.</summary>
public static class AlertWords
{
    public static string State(string? state) => state switch
    {
        "active" => "Confirmed",
        "pending" => "Waiting for you to confirm",
        "unsubscribed" => "Unsubscribed",
        "suspended" => "Stopped: messages could not be delivered",
        _ => "",
    };

    public static string Channel(string channel) => channel switch
    {
        "email" => "email",
        "sms" => "text message",
        _ => channel,
    };
}
