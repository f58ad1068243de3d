using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using PanelPlatform.Notifications.Channels;
using PanelPlatform.Notifications.Data;
using PanelPlatform.Notifications.Domain;
using PanelPlatform.ServiceDefaults.Http;

namespace PanelPlatform.Notifications.Endpoints;

/// <summary>GOV.UK Notify's delivery receipts: a text <c>sent</c> becomes <c>delivered</c> or <c>failed</c>.</summary>
public static class ProviderEndpoints
{
    public static IEndpointRouteBuilder MapProviderEndpoints(this IEndpointRouteBuilder routes)
    {
        // Notify authenticates with the callback bearer token we gave it, not with one of our users' tokens.
        routes.MapPost("/api/notifications/providers/notify/receipts", Receipt).WithTags("Providers").AllowAnonymous();
        return routes;
    }

    private static async Task<Results<NoContent, UnauthorizedHttpResult, ValidationProblem, ProblemHttpResult>> Receipt(
        HttpRequest request, IOptions<SmsOptions> options, NotificationsDbContext db, TimeProvider time, CancellationToken cancellationToken)
    {
        var expected = options.Value.CallbackToken;
        var given = request.Headers.Authorization.ToString();
        if (string.IsNullOrEmpty(expected) ||
            !CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(given), Encoding.UTF8.GetBytes($"Bearer {expected}")))
        {
            return TypedResults.Unauthorized();
        }

        JsonElement receipt;
        try
        {
            receipt = await JsonSerializer.DeserializeAsync<JsonElement>(request.Body, cancellationToken: cancellationToken);
        }
        catch (JsonException)
        {
            return new Validation().Add("body", "The receipt is not JSON.").ToProblem();
        }

        var id = receipt.ValueKind == JsonValueKind.Object && receipt.TryGetProperty("id", out var i) ? i.GetString() : null;
        var status = receipt.ValueKind == JsonValueKind.Object && receipt.TryGetProperty("status", out var s) ? s.GetString() : null;
        if (string.IsNullOrEmpty(id) || string.IsNullOrEmpty(status))
        {
            return new Validation().Add("id", "A receipt needs an id and a status.").ToProblem();
        }

        var delivery = await db.Deliveries.FirstOrDefaultAsync(d => d.ProviderId == id && d.Channel == Channel.Sms, cancellationToken);
        if (delivery is null)
        {
            return Problems.NotFoundProblem("Delivery", id);
        }

        var now = time.GetUtcNow();
        switch (status)
        {
            case "delivered":
                delivery.Confirmed(true, null, now);
                break;
            case "permanent-failure" or "temporary-failure" or "technical-failure":
                delivery.Confirmed(false, $"Notify: {status}", now);
                // Notify's own word that the number does not take texts: stop texting it.
                if (status == "permanent-failure" && delivery.SubscriberId is { } subscriberId &&
                    await db.Subscribers.FirstOrDefaultAsync(x => x.Id == subscriberId, cancellationToken) is { } subscriber)
                {
                    db.ChangeMembership(subscriber, x => x.Suspend(Channel.Sms, "sms: Notify reported a permanent failure", now), now);
                }
                else if (status == "permanent-failure" && delivery.RecipientId is { } recipientId &&
                         await db.Recipients.FirstOrDefaultAsync(x => x.Id == recipientId, cancellationToken) is { } recipient)
                {
                    recipient.Stop(Channel.Sms);
                }

                break;
        }

        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.NoContent();
    }
}
