using System.Text.Json;
using MassTransit;
using PanelPlatform.Notifications.Channels;
using PanelPlatform.Notifications.Data;
using PanelPlatform.Notifications.Domain;
using PanelPlatform.Notifications.Templates;
using PanelPlatform.ServiceDefaults.Messaging;

namespace PanelPlatform.Notifications.Consumers;

/// <summary>
/// The one consumer for every templated integration event: it looks up the event type's templates and turns the event
/// into notices — to matching subscribers, or to the one person a recipient id names. A new template is configuration.
/// </summary>
public sealed class TemplatedEventConsumer<TEvent>(
    TemplateCatalogue catalogue,
    Fanout fanout,
    NotificationsDbContext db,
    AfterCommit afterCommit,
    TimeProvider time) : IConsumer<TEvent>
    where TEvent : class
{
    public async Task Consume(ConsumeContext<TEvent> context)
    {
        var messageId = context.MessageId!.Value;
        var values = JsonSerializer.SerializeToElement(context.Message);
        var data = JsonSerializer.SerializeToElement(context.Message, NoticePayload.Json);
        var now = time.GetUtcNow();
        var occurredAt = values.TryGetProperty("OccurredAt", out var at) && at.TryGetDateTimeOffset(out var occurred) ? occurred : now;
        var templates = catalogue.For(typeof(TEvent));
        for (var index = 0; index < templates.Count; index++)
        {
            var template = templates[index];
            var noticeId = TemplateCatalogue.NoticeId(messageId, template.Key, index);
            var payload = NoticePayload.Create(template.Key, noticeId, occurredAt, data);
            if (template.Template.Audience == TemplateAudience.Subscribers)
            {
                var areas = template.Areas(values);
                var notice = Notice.Create(noticeId, NoticeKind.Broadcast, template.Key, template.Template.Topic, template.Title(values),
                    template.Text(values), null, payload, areas, [], null, null, occurredAt, now);
                await fanout.BroadcastAsync(notice, new AudienceRule(template.Template.Topic!, areas, [], []), context.CancellationToken);
                continue;
            }

            if (template.RecipientId(values) is not { } recipientId)
            {
                continue; // the event concerns nobody we were told how to reach
            }

            // Registered by a command on another queue, which may not have arrived yet: throw, and the retry finds it.
            var recipient = await db.Recipients.FindAsync([recipientId], context.CancellationToken)
                ?? throw new RecipientNotRegisteredException(recipientId);
            if (recipient.Reachable(template.Channels) is { } channel)
            {
                var notice = Notice.Create(noticeId, NoticeKind.Personal, template.Key, null, template.Title(values),
                    template.Text(values), null, payload, [], [], null, recipientId, occurredAt, now);
                await fanout.QueueAsync(notice, channel, null, recipientId, context.CancellationToken);
            }
        }

        afterCommit.Add(fanout.Wake);
    }
}

/// <summary>The event names a recipient whose <c>RegisterRecipient</c> has not been consumed yet.</summary>
public sealed class RecipientNotRegisteredException(Guid recipientId)
    : Exception($"Recipient {recipientId} is not registered (yet); the message is retried.")
{
    public Guid RecipientId { get; } = recipientId;
}

/// <summary>The webhook body: <c>{ type, id, timestamp, data }</c>, data in the API's JSON conventions.</summary>
public static class NoticePayload
{
    public static readonly JsonSerializerOptions Json = Microsoft.Extensions.Hosting.ServiceDefaultsExtensions.ConfigureJson(new JsonSerializerOptions(JsonSerializerDefaults.Web));

    public static string Create(string type, Guid id, DateTimeOffset timestamp, object data) =>
        JsonSerializer.Serialize(new { type, id, timestamp, data }, Json);
}
