using System.Net;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using PanelPlatform.Notifications.Channels;
using PanelPlatform.Notifications.Data;
using PanelPlatform.Notifications.Domain;
using PanelPlatform.Notifications.Links;
using PanelPlatform.ServiceDefaults.Auth;
using PanelPlatform.ServiceDefaults.Http;

namespace PanelPlatform.Notifications.Endpoints;

/// <summary>
/// The alert service's members. Anyone may sign up; nothing but the confirmation goes to an address until its signed,
/// expiring link is followed. A subscriber sees, exports, changes and erases their own data through their manage link;
/// contact details are otherwise shown only to alerts coordinators and admins.
/// </summary>
public static class SubscriberEndpoints
{
    public static IEndpointRouteBuilder MapSubscriberEndpoints(this IEndpointRouteBuilder routes)
    {
        var subscribers = routes.MapGroup("/api/notifications/subscribers").WithTags("Subscribers");
        subscribers.MapPost("/", SignUp);
        subscribers.MapGet("/confirm", ConfirmPage).ExcludeFromDescription();
        subscribers.MapPost("/confirm", Confirm);
        subscribers.MapPost("/manage-link", SendManageLink);
        subscribers.MapGet("/me", ExportOwn);
        subscribers.MapPut("/me", ChangeOwn);
        subscribers.MapDelete("/me", EraseOwn);

        subscribers.MapGet("/", List).RequireAuthorization(Roles.AlertsCoordinator);
        subscribers.MapGet("/{id:guid}", Get).RequireAuthorization(Roles.AlertsCoordinator);
        subscribers.MapGet("/{id:guid}/export", Export).RequireAuthorization(Roles.AlertsCoordinator);
        subscribers.MapGet("/{id:guid}/deliveries", Deliveries).RequireAuthorization(Roles.AlertsCoordinator);
        subscribers.MapDelete("/{id:guid}", Erase).RequireAuthorization(Roles.AlertsCoordinator);

        // RFC 8058 one-click unsubscribe: the URL in List-Unsubscribe; a POST unsubscribes, a GET only shows a button.
        routes.MapGet("/api/notifications/unsubscribe", UnsubscribePage).WithTags("Subscribers").ExcludeFromDescription();
        routes.MapPost("/api/notifications/unsubscribe", Unsubscribe).WithTags("Subscribers").DisableAntiforgery();
        return routes;
    }

    public sealed record SignUpRequest(
        string? Email, string? Mobile, string? WebhookUrl, string[]? Areas, string[]? Wards, string[]? Groups,
        Dictionary<string, Channel[]?>? Topics, Frequency? Frequency);

    /// <summary>The same answer whether or not the address was already known, so sign-up reveals nobody's membership.</summary>
    public sealed record SignUpResponse(string Status, Channel[] Confirming, string? WebhookSecret);

    public sealed record PreferencesRequest(string[]? Areas, string[]? Wards, string[]? Groups, Dictionary<string, Channel[]?>? Topics, Frequency? Frequency);

    public sealed record ManageLinkRequest(string? Email);

    public sealed record ConfirmedResponse(Channel Channel, ChannelState State);

    public sealed record SubscriberView(
        Guid Id, string? Email, ChannelState? EmailState, string? Mobile, ChannelState? MobileState, string? WebhookUrl, ChannelState? WebhookState,
        string[] Areas, string[] Wards, string[] Groups, Dictionary<string, Channel[]> Topics, Frequency Frequency, bool IsMember,
        DateTimeOffset CreatedAt, DateTimeOffset? EmailConfirmedAt, DateTimeOffset? MobileConfirmedAt, string? LastFailure, DateTimeOffset? LastFailureAt)
    {
        public static SubscriberView From(Subscriber s) => new(
            s.Id, s.Email, s.EmailState, s.Mobile, s.MobileState, s.WebhookUrl, s.WebhookState, s.Areas, s.Wards, s.Groups, s.ChannelsByTopic(),
            s.Frequency, s.IsMember, s.CreatedAt, s.EmailConfirmedAt, s.MobileConfirmedAt, s.LastFailure, s.LastFailureAt);
    }

    public sealed record ExportedDelivery(
        Guid Id, string NoticeType, string NoticeTitle, Channel Channel, DeliveryStatus Status, int Attempts, DateTimeOffset CreatedAt,
        DateTimeOffset? SentAt, DateTimeOffset? CompletedAt);

    public sealed record SubscriberExport(SubscriberView Subscriber, List<ExportedDelivery> Deliveries, DateTimeOffset ExportedAt);

    private sealed record ListCursor(DateTimeOffset CreatedAt, Guid Id);

    private static async Task<Results<Accepted<SignUpResponse>, ValidationProblem>> SignUp(
        SignUpRequest request, NotificationsDbContext db, Fanout fanout, MessageLinks links, TimeProvider time, CancellationToken cancellationToken)
    {
        var validation = new Validation();
        var email = ContactDetails.NormaliseEmail(request.Email);
        var mobile = ContactDetails.NormaliseMobile(request.Mobile);
        Uri? webhook = null;
        if (request.Email is not null && email is null)
        {
            validation.Add("email", "email is not a valid email address.");
        }

        if (request.Mobile is not null && mobile is null)
        {
            validation.Add("mobile", "mobile must be a UK mobile number (07… or +447…).");
        }

        if (request.WebhookUrl is not null && (request.WebhookUrl.Length > 2000 || !Subscriber.IsAcceptableWebhookUrl(request.WebhookUrl, out webhook)))
        {
            validation.Add("webhookUrl", "webhookUrl must be an absolute https:// URL (or http:// to this machine) of at most 2000 characters.");
        }

        if (request.Email is null && request.Mobile is null && request.WebhookUrl is null)
        {
            validation.Add("email", "Give at least one of email, mobile or webhookUrl.");
        }

        var available = new HashSet<Channel>();
        if (email is not null)
        {
            available.Add(Channel.Email);
        }

        if (mobile is not null)
        {
            available.Add(Channel.Sms);
        }

        if (webhook is not null)
        {
            available.Add(Channel.Webhook);
        }

        var areas = SubscriberRequests.Areas(request.Areas, validation);
        var wards = SubscriberRequests.Wards(request.Wards, validation);
        var groups = SubscriberRequests.Groups(request.Groups, validation);
        var topics = SubscriberRequests.TopicChannels(request.Topics, available, validation);
        if (!validation.IsValid)
        {
            return validation.ToProblem();
        }

        var now = time.GetUtcNow();
        var existing = await db.Subscribers.FirstOrDefaultAsync(s => (email != null && s.Email == email) || (mobile != null && s.Mobile == mobile), cancellationToken);
        if (existing is not null)
        {
            // Known already: their preferences change only through their own manage link, which is what we send them.
            var confirming = new List<Channel>();
            foreach (var channel in new[] { Channel.Email, Channel.Sms }.Where(c => existing.AddressOf(c) is not null && existing.AddressOf(c) == (c == Channel.Email ? email : mobile)))
            {
                var before = existing.IsMember;
                if (existing.NeedsConfirming(channel))
                {
                    await QueueConfirmationAsync(existing, channel, db, fanout, links, now, cancellationToken);
                }
                else
                {
                    await QueueAccountNoticeAsync(existing, channel, "Your Derbyshire Alert subscription",
                        $"You asked to join Derbyshire Alert, and this {channel.Token()} is already subscribed. To see or change what you get: {links.Manage(existing.Id)}",
                        fanout, now, cancellationToken);
                }

                if (before != existing.IsMember)
                {
                    db.MembershipChanges.Add(MembershipChange.Of(existing.IsMember ? 1 : -1, now));
                }

                confirming.Add(channel);
            }

            await db.SaveChangesAsync(cancellationToken);
            fanout.Wake();
            return TypedResults.Accepted((string?)null, new SignUpResponse("check-your-messages", [.. confirming], null));
        }

        var subscriber = Subscriber.Create(email, mobile, webhook, areas, wards, groups, topics, request.Frequency ?? Frequency.Immediate, now);
        db.Subscribers.Add(subscriber);
        db.Joined(subscriber, now);
        await db.SaveChangesAsync(cancellationToken);
        var pending = new List<Channel>();
        foreach (var channel in new[] { Channel.Email, Channel.Sms }.Where(c => subscriber.StateOf(c) == ChannelState.Pending))
        {
            await QueueConfirmationAsync(subscriber, channel, db, fanout, links, now, cancellationToken);
            pending.Add(channel);
        }

        fanout.Wake();
        return TypedResults.Accepted((string?)null, new SignUpResponse("check-your-messages", [.. pending], subscriber.WebhookSecret));
    }

    private static Task QueueConfirmationAsync(
        Subscriber subscriber, Channel channel, NotificationsDbContext db, Fanout fanout, MessageLinks links, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var link = links.Confirm(subscriber, channel);
        var text = channel == Channel.Sms
            ? $"Confirm Derbyshire Alert texts to this number: {link}"
            : $"Please confirm that you want Derbyshire Alert messages at this address by following this link within 48 hours:\n\n{link}\n\nNothing will be sent until you do.";
        return QueueAccountNoticeAsync(subscriber, channel, "Confirm your Derbyshire Alert subscription", text, fanout, now, cancellationToken);
    }

    private static Task QueueAccountNoticeAsync(
        Subscriber subscriber, Channel channel, string title, string text, Fanout fanout, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var id = Guid.CreateVersion7(now);
        var notice = Notice.Create(id, NoticeKind.Account, "subscriber.account", null, title, text, null, "{}", [], [], null, subscriber.Id, now, now);
        return fanout.QueueAsync(notice, channel, subscriber.Id, null, cancellationToken);
    }

    private static ContentHttpResult ConfirmPage(string? token, LinkTokens tokens) =>
        tokens.Verify(token, LinkPurpose.Confirm, out _) switch
        {
            LinkCheck.Valid => Html.Page("Confirm your subscription", "Press the button to confirm that you want Derbyshire Alert messages.",
                "Confirm", $"/api/notifications/subscribers/confirm?token={Uri.EscapeDataString(token!)}"),
            LinkCheck.Expired => Html.Page("This link has expired", "Sign up again to get a new confirmation link.", status: 410),
            _ => Html.Page("This link is not valid", "Please use the link exactly as it was sent to you.", status: 400),
        };

    private static async Task<Results<Ok<ConfirmedResponse>, ProblemHttpResult, ValidationProblem>> Confirm(
        string? token, LinkTokens tokens, NotificationsDbContext db, TimeProvider time, CancellationToken cancellationToken)
    {
        var check = tokens.Verify(token, LinkPurpose.Confirm, out var claims);
        if (check == LinkCheck.Expired)
        {
            return Problems.RuleProblem("link-expired", "The link has expired", "Confirmation links last 48 hours. Sign up again for a new one.");
        }

        if (check != LinkCheck.Valid || claims!.Subject != LinkSubject.Subscriber || claims.Channel is not { } channel)
        {
            return new Validation().Add("token", "token is not a confirmation link this service made.").ToProblem();
        }

        var subscriber = await db.Subscribers.FirstOrDefaultAsync(s => s.Id == claims.Id, cancellationToken);
        if (subscriber is null)
        {
            return Problems.NotFoundProblem("Subscriber", claims.Id);
        }

        var now = time.GetUtcNow();
        var confirmed = false;
        db.ChangeMembership(subscriber, s => confirmed = s.Confirm(channel, address => LinkTokens.HashAddress(address) == claims.AddressHash, now), now);
        if (!confirmed)
        {
            return Problems.ConflictProblem("not-confirmable", "Nothing to confirm",
                $"This link is for an address that is no longer the subscriber's {channel.Token()}, or that has since been unsubscribed.");
        }

        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(new ConfirmedResponse(channel, subscriber.StateOf(channel)!.Value));
    }

    private static ContentHttpResult UnsubscribePage(string? token, LinkTokens tokens) =>
        tokens.Verify(token, LinkPurpose.Unsubscribe, out var claims) == LinkCheck.Valid
            ? Html.Page("Unsubscribe", $"Press the button to stop these {claims!.Channel?.Token()} messages.", "Unsubscribe",
                $"/api/notifications/unsubscribe?token={Uri.EscapeDataString(token!)}")
            : Html.Page("This link is not valid", "Please use the link exactly as it was sent to you.", status: 400);

    private static async Task<Results<ContentHttpResult, ValidationProblem>> Unsubscribe(
        string? token, LinkTokens tokens, NotificationsDbContext db, TimeProvider time, CancellationToken cancellationToken)
    {
        if (tokens.Verify(token, LinkPurpose.Unsubscribe, out var claims) != LinkCheck.Valid || claims!.Channel is not { } channel)
        {
            return new Validation().Add("token", "token is not an unsubscribe link this service made.").ToProblem();
        }

        var now = time.GetUtcNow();
        if (claims.Subject == LinkSubject.Subscriber && await db.Subscribers.FirstOrDefaultAsync(s => s.Id == claims.Id, cancellationToken) is { } subscriber)
        {
            db.ChangeMembership(subscriber, s => s.Unsubscribe(channel), now);
        }
        else if (claims.Subject == LinkSubject.Recipient && await db.Recipients.FirstOrDefaultAsync(r => r.Id == claims.Id, cancellationToken) is { } recipient)
        {
            recipient.Stop(channel);
        }

        // Already erased or unsubscribed is the same outcome: nothing more will be sent.
        await db.SaveChangesAsync(cancellationToken);
        return Html.Page("Unsubscribed", $"You will get no more {channel.Token()} messages from us.");
    }

    private static async Task<Accepted> SendManageLink(
        ManageLinkRequest request, NotificationsDbContext db, Fanout fanout, MessageLinks links, TimeProvider time, CancellationToken cancellationToken)
    {
        var email = ContactDetails.NormaliseEmail(request.Email);
        var subscriber = email is null ? null : await db.Subscribers.FirstOrDefaultAsync(s => s.Email == email, cancellationToken);
        if (subscriber is not null && subscriber.EmailState is ChannelState.Active or ChannelState.Pending)
        {
            await QueueAccountNoticeAsync(subscriber, Channel.Email, "Your Derbyshire Alert subscription",
                $"To see, export, change or delete your subscription, follow this link within 30 days: {links.Manage(subscriber.Id)}",
                fanout, time.GetUtcNow(), cancellationToken);
            fanout.Wake();
        }

        // The same answer either way: whether an address is subscribed is nobody else's business.
        return TypedResults.Accepted((string?)null);
    }

    private static async Task<(Subscriber? Subscriber, IResult? Problem)> OwnAsync(
        string? token, LinkTokens tokens, NotificationsDbContext db, CancellationToken cancellationToken)
    {
        var check = tokens.Verify(token, LinkPurpose.Manage, out var claims);
        if (check == LinkCheck.Expired)
        {
            return (null, Problems.RuleProblem("link-expired", "The link has expired", "Ask for a new manage link."));
        }

        if (check != LinkCheck.Valid || claims!.Subject != LinkSubject.Subscriber)
        {
            return (null, new Validation().Add("token", "token is not a manage link this service made.").ToProblem());
        }

        var subscriber = await db.Subscribers.FirstOrDefaultAsync(s => s.Id == claims.Id, cancellationToken);
        return subscriber is null ? (null, Problems.NotFoundProblem("Subscriber", claims.Id)) : (subscriber, null);
    }

    private static async Task<IResult> ExportOwn(string? token, LinkTokens tokens, NotificationsDbContext db, TimeProvider time, CancellationToken cancellationToken)
    {
        var (subscriber, problem) = await OwnAsync(token, tokens, db, cancellationToken);
        return problem ?? TypedResults.Ok(await ExportAsync(subscriber!, db, time, cancellationToken));
    }

    private static async Task<IResult> ChangeOwn(
        string? token, PreferencesRequest request, LinkTokens tokens, NotificationsDbContext db, CancellationToken cancellationToken)
    {
        var (subscriber, problem) = await OwnAsync(token, tokens, db, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }

        var validation = new Validation();
        var available = ChannelTokens.All.Where(c => subscriber!.AddressOf(c) is not null).ToHashSet();
        var areas = SubscriberRequests.Areas(request.Areas, validation);
        var wards = SubscriberRequests.Wards(request.Wards, validation);
        var groups = SubscriberRequests.Groups(request.Groups, validation);
        var topics = SubscriberRequests.TopicChannels(request.Topics, available, validation);
        if (!validation.IsValid)
        {
            return validation.ToProblem();
        }

        subscriber!.ChangePreferences(areas, wards, groups, topics, request.Frequency ?? subscriber.Frequency);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(SubscriberView.From(subscriber));
    }

    private static async Task<IResult> EraseOwn(string? token, LinkTokens tokens, NotificationsDbContext db, TimeProvider time, CancellationToken cancellationToken)
    {
        var (subscriber, problem) = await OwnAsync(token, tokens, db, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }

        await EraseAsync(subscriber!, db, time, cancellationToken);
        return TypedResults.NoContent();
    }

    private static async Task<Results<Ok<Page<SubscriberView>>, ValidationProblem>> List(
        int? limit, string? cursor, string? topic, string? area, string? group, NotificationsDbContext db, CancellationToken cancellationToken)
    {
        var validation = new Validation();
        Paging.TryReadLimit(limit, validation, out var take);
        Paging.TryDecode<ListCursor>(cursor, validation, out var after);
        if (topic is not null && !Topics.All.Contains(topic))
        {
            validation.Add("topic", $"'{topic}' is not a topic.");
        }

        var canonicalArea = area is null ? null : Domain.Areas.Canonical(area);
        if (area is not null && canonicalArea is null)
        {
            validation.Add("area", $"'{area}' is not an area.");
        }

        var canonicalGroup = group is null ? null : Domain.Groups.Canonical(group);
        if (group is not null && canonicalGroup is null)
        {
            validation.Add("group", $"'{group}' is not a group.");
        }

        if (!validation.IsValid)
        {
            return validation.ToProblem();
        }

        var query = db.Subscribers.AsNoTracking();
        if (topic is not null)
        {
            query = query.Where(s => s.Topics.Contains(topic));
        }

        if (canonicalArea is not null)
        {
            query = query.Where(s => s.Areas.Contains(canonicalArea) || s.WardAreas.Contains(canonicalArea));
        }

        if (canonicalGroup is not null)
        {
            query = query.Where(s => s.Groups.Contains(canonicalGroup));
        }

        if (after is not null)
        {
            query = query.Where(s => s.CreatedAt < after.CreatedAt || (s.CreatedAt == after.CreatedAt && s.Id.CompareTo(after.Id) < 0));
        }

        var rows = await query.OrderByDescending(s => s.CreatedAt).ThenByDescending(s => s.Id).Take(take + 1).ToListAsync(cancellationToken);
        return TypedResults.Ok(Paging.ToPage(rows, take, SubscriberView.From, s => new ListCursor(s.CreatedAt, s.Id)));
    }

    private static async Task<Results<Ok<SubscriberView>, ProblemHttpResult>> Get(Guid id, NotificationsDbContext db, CancellationToken cancellationToken) =>
        await db.Subscribers.AsNoTracking().FirstOrDefaultAsync(s => s.Id == id, cancellationToken) is { } subscriber
            ? TypedResults.Ok(SubscriberView.From(subscriber))
            : Problems.NotFoundProblem("Subscriber", id);

    private static async Task<Results<Ok<SubscriberExport>, ProblemHttpResult>> Export(
        Guid id, NotificationsDbContext db, TimeProvider time, CancellationToken cancellationToken) =>
        await db.Subscribers.AsNoTracking().FirstOrDefaultAsync(s => s.Id == id, cancellationToken) is { } subscriber
            ? TypedResults.Ok(await ExportAsync(subscriber, db, time, cancellationToken))
            : Problems.NotFoundProblem("Subscriber", id);

    private static async Task<Results<Ok<List<SubscriptionEndpoints.DeliveryResponse>>, ProblemHttpResult>> Deliveries(
        Guid id, NotificationsDbContext db, CancellationToken cancellationToken) =>
        await db.Subscribers.AnyAsync(s => s.Id == id, cancellationToken)
            ? TypedResults.Ok(await SubscriptionEndpoints.DeliveriesOf(db.Deliveries.Where(d => d.SubscriberId == id), cancellationToken))
            : Problems.NotFoundProblem("Subscriber", id);

    private static async Task<Results<NoContent, ProblemHttpResult>> Erase(Guid id, NotificationsDbContext db, TimeProvider time, CancellationToken cancellationToken)
    {
        var subscriber = await db.Subscribers.FirstOrDefaultAsync(s => s.Id == id, cancellationToken);
        if (subscriber is null)
        {
            return Problems.NotFoundProblem("Subscriber", id);
        }

        await EraseAsync(subscriber, db, time, cancellationToken);
        return TypedResults.NoContent();
    }

    private static async Task EraseAsync(Subscriber subscriber, NotificationsDbContext db, TimeProvider time, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await Erasure.EraseSubscriberAsync(db, subscriber, time.GetUtcNow(), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    private static async Task<SubscriberExport> ExportAsync(Subscriber subscriber, NotificationsDbContext db, TimeProvider time, CancellationToken cancellationToken)
    {
        var deliveries = await db.Deliveries.AsNoTracking()
            .Where(d => d.SubscriberId == subscriber.Id)
            .Join(db.Notices, d => d.NoticeId, n => n.Id, (d, n) => new { d, n.Title })
            .OrderBy(x => x.d.CreatedAt) // before the projection: EF cannot order by a member of a constructed record
            .Select(x => new ExportedDelivery(
                x.d.Id, x.d.NoticeType, x.Title, x.d.Channel, x.d.Status, x.d.Attempts, x.d.CreatedAt, x.d.SentAt, x.d.CompletedAt))
            .ToListAsync(cancellationToken);
        return new SubscriberExport(SubscriberView.From(subscriber), deliveries, time.GetUtcNow());
    }
}

/// <summary>The few human pages the links in messages open: a sentence and, where a change is asked for, one button.</summary>
internal static class Html
{
    public static ContentHttpResult Page(string title, string text, string? button = null, string? action = null, int status = 200)
    {
        var form = button is null ? "" : $"""<form method="post" action="{WebUtility.HtmlEncode(action)}"><button type="submit">{WebUtility.HtmlEncode(button)}</button></form>""";
        return TypedResults.Content(
            $"""<!doctype html><html lang="en-GB"><head><meta charset="utf-8"><title>{WebUtility.HtmlEncode(title)}</title></head><body><h1>{WebUtility.HtmlEncode(title)}</h1><p>{WebUtility.HtmlEncode(text)}</p>{form}</body></html>""",
            "text/html; charset=utf-8", null, status);
    }
}
