using System.Text.Json;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using PanelPlatform.Contracts.Notifications;
using PanelPlatform.Notifications.Channels;
using PanelPlatform.Notifications.Data;
using PanelPlatform.Notifications.Domain;
using PanelPlatform.Notifications.Templates;
using PanelPlatform.ServiceDefaults.Messaging;

namespace PanelPlatform.Notifications.Consumers;

/// <summary>Remembers how to reach a person another service will name by <c>RecipientId</c>.</summary>
public sealed class RegisterRecipientConsumer(NotificationsDbContext db, TimeProvider time) : IConsumer<RegisterRecipient>
{
    public async Task Consume(ConsumeContext<RegisterRecipient> context)
    {
        var command = context.Message;
        var email = ContactDetails.NormaliseEmail(command.Email);
        var mobile = ContactDetails.NormaliseMobile(command.MobileNumber);
        var name = string.IsNullOrWhiteSpace(command.Name) ? null : command.Name.Trim()[..Math.Min(200, command.Name.Trim().Length)];
        var now = time.GetUtcNow();
        var recipient = await db.Recipients.FindAsync([command.RecipientId], context.CancellationToken);
        if (recipient is null)
        {
            db.Recipients.Add(Recipient.Register(command.RecipientId, name, email, mobile, now));
        }
        else
        {
            recipient.Update(name, email, mobile, now);
        }
    }
}

/// <summary>Erases a recipient's contact details and the words of every notice that was theirs; the ledger's counts stay.</summary>
public sealed class ForgetRecipientConsumer(NotificationsDbContext db, TimeProvider time) : IConsumer<ForgetRecipient>
{
    public async Task Consume(ConsumeContext<ForgetRecipient> context)
    {
        var id = context.Message.RecipientId;
        await db.Recipients.Where(r => r.Id == id).ExecuteDeleteAsync(context.CancellationToken);
        await Erasure.EraseNoticesOfAsync(db, id, time.GetUtcNow(), context.CancellationToken);
        await db.Deliveries.Where(d => d.RecipientId == id && d.Status == DeliveryStatus.Queued)
            .ExecuteUpdateAsync(d => d
                .SetProperty(x => x.Status, DeliveryStatus.Failed)
                .SetProperty(x => x.LastError, "The recipient was forgotten before it was sent.")
                .SetProperty(x => x.CompletedAt, time.GetUtcNow()), context.CancellationToken);
    }
}

/// <summary>Sends one person a notice from a named template (e.g. <c>question.confirm-email</c> with its link).</summary>
public sealed class SendNoticeConsumer(TemplateCatalogue catalogue, NotificationsDbContext db, Fanout fanout, AfterCommit afterCommit, TimeProvider time)
    : IConsumer<SendNotice>
{
    public async Task Consume(ConsumeContext<SendNotice> context)
    {
        var command = context.Message;
        var template = catalogue.Notice(command.Template)
            ?? (command.Values.ContainsKey("subject") && command.Values.ContainsKey("body") ? catalogue.Notice("message") : null)
            ?? throw new InvalidOperationException(
                $"No notice template '{command.Template}' (Notifications:Templates:Notices), and no subject and body to fall back on.");
        var recipient = await db.Recipients.FindAsync([command.RecipientId], context.CancellationToken)
            ?? throw new RecipientNotRegisteredException(command.RecipientId);
        if (recipient.Reachable(template.Channels) is not { } channel)
        {
            return;
        }

        var values = JsonSerializer.SerializeToElement(command.Values);
        var now = time.GetUtcNow();
        var notice = Notice.Create(command.NoticeId, NoticeKind.Personal, template.Key, null, template.Title(values), template.Text(values), null,
            NoticePayload.Create(template.Key, command.NoticeId, command.OccurredAt, new { command.Template }), [], [], null, recipient.Id, command.OccurredAt, now);
        await fanout.QueueAsync(notice, channel, null, recipient.Id, context.CancellationToken);
        afterCommit.Add(fanout.Wake);
    }
}
