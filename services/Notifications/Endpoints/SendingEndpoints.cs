using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using PanelPlatform.Notifications.Channels;
using PanelPlatform.Notifications.Data;
using PanelPlatform.Notifications.Domain;
using PanelPlatform.ServiceDefaults.Auth;
using PanelPlatform.ServiceDefaults.Http;

namespace PanelPlatform.Notifications.Endpoints;

/// <summary>"Stop all sending": an admin pauses every outgoing channel (or some) and resumes them; nothing is dropped.</summary>
public static class SendingEndpoints
{
    public static IEndpointRouteBuilder MapSendingEndpoints(this IEndpointRouteBuilder routes)
    {
        var sending = routes.MapGroup("/api/notifications/sending").WithTags("Sending");
        sending.MapGet("/", Get).RequireAuthorization(Roles.AlertsCoordinator);
        sending.MapPost("/pause", Pause).RequireAuthorization(Roles.Admin);
        sending.MapPost("/resume", Resume).RequireAuthorization(Roles.Admin);
        return routes;
    }

    /// <param name="Channels">Empty or absent: every channel.</param>
    public sealed record PauseRequest(Channel[]? Channels, string? Reason);

    public sealed record ResumeRequest(Channel[]? Channels);

    public sealed record SendingResponse(Channel[] PausedChannels, bool AllPaused, DateTimeOffset? ChangedAt, string? ChangedBy, string? Reason, int WaitingDeliveries);

    private static async Task<Ok<SendingResponse>> Get(NotificationsDbContext db, CancellationToken cancellationToken) =>
        TypedResults.Ok(await StateAsync(db, cancellationToken));

    private static async Task<Results<Ok<SendingResponse>, ValidationProblem>> Pause(
        PauseRequest? request, ClaimsPrincipal user, NotificationsDbContext db, SendingSwitch sendingSwitch, TimeProvider time, CancellationToken cancellationToken)
    {
        var validation = new Validation().MaxLength("reason", request?.Reason, 500).PlainText("reason", request?.Reason);
        if (!validation.IsValid)
        {
            return validation.ToProblem();
        }

        var control = await db.SendingControl.SingleAsync(cancellationToken);
        control.Pause(request?.Channels ?? [], AlertEndpoints.Who(user), request?.Reason, time.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        sendingSwitch.Set(control.PausedChannels);
        return TypedResults.Ok(await StateAsync(db, cancellationToken));
    }

    private static async Task<Ok<SendingResponse>> Resume(
        ResumeRequest? request, ClaimsPrincipal user, NotificationsDbContext db, SendingSwitch sendingSwitch, DeliverySignal signal,
        TimeProvider time, CancellationToken cancellationToken)
    {
        var control = await db.SendingControl.SingleAsync(cancellationToken);
        control.Resume(request?.Channels ?? [], AlertEndpoints.Who(user), time.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        sendingSwitch.Set(control.PausedChannels);
        signal.Notify();
        return TypedResults.Ok(await StateAsync(db, cancellationToken));
    }

    private static async Task<SendingResponse> StateAsync(NotificationsDbContext db, CancellationToken cancellationToken)
    {
        var control = await db.SendingControl.AsNoTracking().SingleAsync(cancellationToken);
        var paused = control.PausedChannels;
        var waiting = paused.Length == 0
            ? 0
            : await db.Deliveries.CountAsync(d => d.Status == DeliveryStatus.Queued && paused.Contains(d.Channel), cancellationToken);
        return new SendingResponse(paused, paused.Length == ChannelTokens.All.Count, control.ChangedAt, control.ChangedBy, control.Reason, waiting);
    }
}
