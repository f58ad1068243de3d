using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using PanelPlatform.Notifications.Data;
using PanelPlatform.Notifications.Domain;
using PanelPlatform.ServiceDefaults.Auth;
using PanelPlatform.ServiceDefaults.Http;

namespace PanelPlatform.Notifications.Endpoints;

/// <summary>
/// Webhook-only subscriptions, for other systems: a subscriber with just a webhook channel, active at once (the secret
/// returned once is the proof of ownership that a confirmation link is for an address).
/// </summary>
public static class SubscriptionEndpoints
{
    public static IEndpointRouteBuilder MapSubscriptionEndpoints(this IEndpointRouteBuilder routes)
    {
        var subscriptions = routes.MapGroup("/api/notifications/subscriptions").WithTags("Webhook subscriptions");
        subscriptions.MapPost("/", Register);
        subscriptions.MapGet("/{id:guid}", Get).RequireAuthorization(Roles.AlertsCoordinator);
        subscriptions.MapGet("/{id:guid}/deliveries", Deliveries).RequireAuthorization(Roles.AlertsCoordinator);
        return routes;
    }

    public sealed record RegisterWebhookRequest(string? Url, string[]? Topics, string[]? Areas);

    public sealed record SubscriptionResponse(Guid Id, string Url, string[] Topics, string[] Areas, bool IsActive, DateTimeOffset CreatedAt)
    {
        public static SubscriptionResponse From(Subscriber s) =>
            new(s.Id, s.WebhookUrl ?? "", s.Topics, s.Areas, s.WebhookState == ChannelState.Active, s.CreatedAt);
    }

    /// <summary>The only time the signing secret is shown.</summary>
    public sealed record RegisteredResponse(Guid Id, string Url, string[] Topics, string[] Areas, string Secret);

    public sealed record DeliveryResponse(
        Guid Id, Guid NoticeId, string NoticeType, Channel Channel, DeliveryStatus Status, int Attempts, int? LastStatusCode, string? LastError,
        string? ProviderId, DateTimeOffset CreatedAt, DateTimeOffset? SentAt, DateTimeOffset? CompletedAt);

    private static async Task<Results<Created<RegisteredResponse>, ValidationProblem>> Register(
        RegisterWebhookRequest request, NotificationsDbContext db, TimeProvider time, CancellationToken cancellationToken)
    {
        var validation = new Validation();
        if (string.IsNullOrWhiteSpace(request.Url))
        {
            validation.Add("url", "url is required.");
        }
        else if (request.Url.Length > 2000 || !Subscriber.IsAcceptableWebhookUrl(request.Url, out _))
        {
            validation.Add("url", "url must be an absolute https:// URL (or http:// to this machine) of at most 2000 characters.");
        }

        var topics = request.Topics ?? [];
        if (topics.Length == 0)
        {
            validation.Add("topics", "topics must name at least one topic.");
        }

        foreach (var topic in topics.Where(t => !Topics.All.Contains(t ?? "")))
        {
            validation.Add("topics", $"'{topic}' is not a topic. Topics: {string.Join(", ", Topics.All)}.");
        }

        var areas = SubscriberRequests.Areas(request.Areas, validation);
        if (!validation.IsValid)
        {
            return validation.ToProblem();
        }

        Subscriber.IsAcceptableWebhookUrl(request.Url, out var url);
        var now = time.GetUtcNow();
        var subscriber = Subscriber.Create(null, null, url, areas, [], [],
            topics.Distinct().ToDictionary(t => t, _ => new[] { Channel.Webhook }), Frequency.Immediate, now);
        db.Subscribers.Add(subscriber);
        db.Joined(subscriber, now);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Created(
            $"/api/notifications/subscriptions/{subscriber.Id}",
            new RegisteredResponse(subscriber.Id, subscriber.WebhookUrl!, subscriber.Topics, subscriber.Areas, subscriber.WebhookSecret!));
    }

    private static async Task<Results<Ok<SubscriptionResponse>, ProblemHttpResult>> Get(
        Guid id, NotificationsDbContext db, CancellationToken cancellationToken)
    {
        var subscriber = await db.Subscribers.AsNoTracking().FirstOrDefaultAsync(s => s.Id == id && s.WebhookUrl != null, cancellationToken);
        return subscriber is null
            ? Problems.NotFoundProblem("Subscription", id)
            : TypedResults.Ok(SubscriptionResponse.From(subscriber));
    }

    private static async Task<Results<Ok<List<DeliveryResponse>>, ProblemHttpResult>> Deliveries(
        Guid id, NotificationsDbContext db, CancellationToken cancellationToken)
    {
        if (!await db.Subscribers.AnyAsync(s => s.Id == id, cancellationToken))
        {
            return Problems.NotFoundProblem("Subscription", id);
        }

        return TypedResults.Ok(await DeliveriesOf(db.Deliveries.Where(d => d.SubscriberId == id), cancellationToken));
    }

    internal static Task<List<DeliveryResponse>> DeliveriesOf(IQueryable<Delivery> deliveries, CancellationToken cancellationToken) =>
        deliveries.AsNoTracking()
            .OrderByDescending(d => d.CreatedAt)
            .Take(100)
            .Select(d => new DeliveryResponse(d.Id, d.NoticeId, d.NoticeType, d.Channel, d.Status, d.Attempts, d.LastStatusCode, d.LastError,
                d.ProviderId, d.CreatedAt, d.SentAt, d.CompletedAt))
            .ToListAsync(cancellationToken);
}
