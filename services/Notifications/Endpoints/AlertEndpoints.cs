using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Npgsql;
using PanelPlatform.Notifications.Alerts;
using PanelPlatform.Notifications.Channels;
using PanelPlatform.Notifications.Data;
using PanelPlatform.Notifications.Domain;
using PanelPlatform.ServiceDefaults.Auth;
using PanelPlatform.ServiceDefaults.Http;

namespace PanelPlatform.Notifications.Endpoints;

/// <summary>
/// Alerts coordinators write alerts, see how many people each would reach, and send them (now or at a time). Issued
/// alerts are public: as JSON and as CAP 1.2 XML for other alerting systems; drafts are the coordinators' alone.
/// </summary>
public static class AlertEndpoints
{
    public static IEndpointRouteBuilder MapAlertEndpoints(this IEndpointRouteBuilder routes)
    {
        var alerts = routes.MapGroup("/api/notifications/alerts").WithTags("Alerts");
        alerts.MapPost("/", Create).RequireAuthorization(Roles.AlertsCoordinator);
        alerts.MapGet("/", List);
        alerts.MapGet("/{id:guid}", Get);
        alerts.MapGet("/{id:guid}.cap.xml", Cap);
        alerts.MapPut("/{id:guid}", Edit).RequireAuthorization(Roles.AlertsCoordinator);
        alerts.MapGet("/{id:guid}/audience", Audience).RequireAuthorization(Roles.AlertsCoordinator);
        alerts.MapPost("/{id:guid}/send", Send).RequireAuthorization(Roles.AlertsCoordinator);
        alerts.MapPost("/{id:guid}/unschedule", Unschedule).RequireAuthorization(Roles.AlertsCoordinator);
        return routes;
    }

    public sealed record AlertRequest(
        string? Title, string? Body, string? Topic, string[]? Areas, string[]? Wards, string[]? Groups, DateTimeOffset? ScheduledFor);

    public sealed record AudienceResponse(int Subscribers, int Deliveries, int Email, int Sms, int Webhook)
    {
        public static AudienceResponse From(Channels.Audience.Size size) => new(size.Subscribers, size.Deliveries, size.Email, size.Sms, size.Webhook);
    }

    public sealed record AlertResponse(
        Guid Id, string Title, string Body, string BodyHtml, string Topic, string[] Areas, string[] Wards, string[] Groups, AlertStatus Status,
        DateTimeOffset? ScheduledFor, DateTimeOffset CreatedAt, DateTimeOffset? IssuedAt, int? AudienceSize, AudienceResponse? Audience)
    {
        public static AlertResponse From(Alert a, AudienceResponse? audience = null) => new(
            a.Id, a.Title, a.Body, SafeMarkdown.ToHtml(a.Body), a.Topic, a.Areas, a.Wards, a.Groups, a.Status, a.ScheduledFor, a.CreatedAt,
            a.IssuedAt, a.AudienceSize, audience);
    }

    private sealed record ListCursor(DateTimeOffset CreatedAt, Guid Id);

    private static AlertContent? Validate(AlertRequest request, Validation validation, DateTimeOffset now)
    {
        validation.Required("title", request.Title, Alert.MaxTitleLength).PlainText("title", request.Title);
        validation.Required("body", request.Body, Alert.MaxBodyLength).PlainText("body", request.Body);
        if (request.Body is not null && SafeMarkdown.UnsafeLink(request.Body) is { } unsafeLink)
        {
            validation.Add("body", $"Links may only be https, http or mailto ('{unsafeLink}' is not).");
        }

        if (request.Topic is null || !Topics.All.Contains(request.Topic))
        {
            validation.Add("topic", $"topic must be one of {string.Join(", ", Topics.All)}.");
        }

        var areas = SubscriberRequests.Areas(request.Areas, validation);
        var wards = SubscriberRequests.Wards(request.Wards, validation);
        var groups = SubscriberRequests.Groups(request.Groups, validation);
        if (request.ScheduledFor is { } at && at < now.AddMinutes(-1))
        {
            validation.Add("scheduledFor", "scheduledFor is in the past.");
        }

        return validation.IsValid
            ? new AlertContent(request.Title!.Trim(), request.Body!.Trim(), request.Topic!, areas, wards, groups, request.ScheduledFor)
            : null;
    }

    private static async Task<Results<Created<AlertResponse>, ValidationProblem>> Create(
        AlertRequest request, ClaimsPrincipal user, NotificationsDbContext db, NpgsqlDataSource dataSource, TimeProvider time, CancellationToken cancellationToken)
    {
        var validation = new Validation();
        var now = time.GetUtcNow();
        if (Validate(request, validation, now) is not { } content)
        {
            return validation.ToProblem();
        }

        var alert = Alert.Draft(content, Who(user), now);
        db.Alerts.Add(alert);
        await db.SaveChangesAsync(cancellationToken);
        var audience = await Channels.Audience.CountAsync(dataSource, alert.Audience, cancellationToken);
        return TypedResults.Created($"/api/notifications/alerts/{alert.Id}", AlertResponse.From(alert, AudienceResponse.From(audience)));
    }

    private static async Task<Results<Ok<AlertResponse>, ValidationProblem, ProblemHttpResult>> Edit(
        Guid id, AlertRequest request, NotificationsDbContext db, NpgsqlDataSource dataSource, TimeProvider time, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var alert = await LockAsync(db, id, cancellationToken);
        if (alert is null)
        {
            return Problems.NotFoundProblem("Alert", id);
        }

        var validation = new Validation();
        var now = time.GetUtcNow();
        if (Validate(request, validation, now) is not { } content)
        {
            return validation.ToProblem();
        }

        if (!alert.IsEditable)
        {
            return Problems.ConflictProblem("alert-issued", "The alert has been issued", "An issued alert cannot be changed.");
        }

        alert.Edit(content, now);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        var audience = await Channels.Audience.CountAsync(dataSource, alert.Audience, cancellationToken);
        return TypedResults.Ok(AlertResponse.From(alert, AudienceResponse.From(audience)));
    }

    private static async Task<Results<Ok<Page<AlertResponse>>, ValidationProblem>> List(
        int? limit, string? cursor, ClaimsPrincipal user, NotificationsDbContext db, CancellationToken cancellationToken)
    {
        var validation = new Validation();
        Paging.TryReadLimit(limit, validation, out var take);
        Paging.TryDecode<ListCursor>(cursor, validation, out var after);
        if (!validation.IsValid)
        {
            return validation.ToProblem();
        }

        var query = db.Alerts.AsNoTracking();
        if (!IsCoordinator(user))
        {
            query = query.Where(a => a.Status == AlertStatus.Issued);
        }

        if (after is not null)
        {
            query = query.Where(a => a.CreatedAt < after.CreatedAt || (a.CreatedAt == after.CreatedAt && a.Id.CompareTo(after.Id) < 0));
        }

        var rows = await query.OrderByDescending(a => a.CreatedAt).ThenByDescending(a => a.Id).Take(take + 1).ToListAsync(cancellationToken);
        return TypedResults.Ok(Paging.ToPage(rows, take, a => AlertResponse.From(a), a => new ListCursor(a.CreatedAt, a.Id)));
    }

    private static async Task<Results<Ok<AlertResponse>, ProblemHttpResult>> Get(Guid id, ClaimsPrincipal user, NotificationsDbContext db, CancellationToken cancellationToken)
    {
        var alert = await db.Alerts.AsNoTracking().FirstOrDefaultAsync(a => a.Id == id, cancellationToken);
        // A draft does not exist for the public.
        return alert is null || (alert.Status != AlertStatus.Issued && !IsCoordinator(user))
            ? Problems.NotFoundProblem("Alert", id)
            : TypedResults.Ok(AlertResponse.From(alert));
    }

    private static async Task<Results<ContentHttpResult, ProblemHttpResult>> Cap(
        Guid id, NotificationsDbContext db, IOptions<EmailOptions> email, IOptions<DeliveryOptions> delivery, CancellationToken cancellationToken)
    {
        var alert = await db.Alerts.AsNoTracking().FirstOrDefaultAsync(a => a.Id == id && a.Status == AlertStatus.Issued, cancellationToken);
        if (alert is null)
        {
            return Problems.NotFoundProblem("Alert", id);
        }

        var document = CapDocument.From(alert, email.Value.FromAddress, new Uri(delivery.Value.PublicBaseUrl, $"api/notifications/alerts/{id}"));
        using var writer = new Utf8StringWriter();
        document.Save(writer);
        return TypedResults.Content(writer.ToString(), "application/cap+xml; charset=utf-8");
    }

    private static async Task<Results<Ok<AudienceResponse>, ProblemHttpResult>> Audience(
        Guid id, NotificationsDbContext db, NpgsqlDataSource dataSource, CancellationToken cancellationToken)
    {
        var alert = await db.Alerts.AsNoTracking().FirstOrDefaultAsync(a => a.Id == id, cancellationToken);
        return alert is null
            ? Problems.NotFoundProblem("Alert", id)
            : TypedResults.Ok(AudienceResponse.From(await Channels.Audience.CountAsync(dataSource, alert.Audience, cancellationToken)));
    }

    private static async Task<Results<Accepted<AlertResponse>, ProblemHttpResult>> Send(
        Guid id, ClaimsPrincipal user, NotificationsDbContext db, NpgsqlDataSource dataSource, TimeProvider time, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        // Locked, so two clicks (or a click and the scheduler) cannot both issue it.
        var alert = await LockAsync(db, id, cancellationToken);
        if (alert is null)
        {
            return Problems.NotFoundProblem("Alert", id);
        }

        if (alert.Status == AlertStatus.Issued)
        {
            return Problems.ConflictProblem("alert-issued", "The alert has been issued", $"It was issued at {alert.IssuedAt:O}.");
        }

        var now = time.GetUtcNow();
        var audience = await Channels.Audience.CountAsync(dataSource, alert.Audience, cancellationToken);
        if (alert.Send(Who(user), audience.Subscribers, now))
        {
            AlertIssuing.Issue(db, alert, Who(user), audience.Subscribers, now);
        }

        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return TypedResults.Accepted($"/api/notifications/alerts/{id}", AlertResponse.From(alert, AudienceResponse.From(audience)));
    }

    private static async Task<Results<Ok<AlertResponse>, ProblemHttpResult>> Unschedule(
        Guid id, NotificationsDbContext db, TimeProvider time, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        // Locked: if the scheduler is issuing it this moment, this waits and sees it issued (a 409), rather than
        // writing "draft" over an alert that is going out.
        var alert = await LockAsync(db, id, cancellationToken);
        if (alert is null)
        {
            return Problems.NotFoundProblem("Alert", id);
        }

        if (!alert.IsEditable)
        {
            return Problems.ConflictProblem("alert-issued", "The alert has been issued", "An issued alert cannot be recalled.");
        }

        alert.Unschedule(time.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return TypedResults.Ok(AlertResponse.From(alert));
    }

    /// <summary>
    /// The alert, its row locked until the caller's transaction ends: sending, editing, unscheduling and the scheduler
    /// (which skips a locked alert until its next tick) each see the others' committed result, never a stale one.
    /// </summary>
    private static Task<Alert?> LockAsync(NotificationsDbContext db, Guid id, CancellationToken cancellationToken) =>
        db.Alerts.FromSqlInterpolated($"SELECT * FROM alerts WHERE id = {id} FOR UPDATE").FirstOrDefaultAsync(cancellationToken);

    internal static string Who(ClaimsPrincipal user) => user.FindFirstValue("name") ?? user.FindFirstValue("sub") ?? "unknown";

    private static bool IsCoordinator(ClaimsPrincipal user) => user.IsInRole(Roles.AlertsCoordinator) || user.IsInRole(Roles.Admin);

    private sealed class Utf8StringWriter : StringWriter
    {
        public Utf8StringWriter()
            : base(System.Globalization.CultureInfo.InvariantCulture)
        {
        }

        public override System.Text.Encoding Encoding => System.Text.Encoding.UTF8;
    }
}
