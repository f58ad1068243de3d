using PanelPlatform.Casework.Data;
using PanelPlatform.Casework.Domain;
using PanelPlatform.Casework.Security;
using PanelPlatform.Contracts.Casework;
using PanelPlatform.Contracts.Notifications;
using PanelPlatform.ServiceDefaults.Messaging;
using PanelPlatform.ServiceDefaults.Time;

namespace PanelPlatform.Casework.Endpoints;

public sealed record NewCase(
    CaseType Type,
    CaseChannel Channel,
    DateTimeOffset ReceivedAt,
    Subject Subject,
    string Summary,
    string? Description,
    DateOnly? ForceOutcomeNotifiedOn);

/// <summary>Opens a case: a reference, the case, the subject's contact to Notifications, and the events, in one transaction.</summary>
public sealed class CaseIntake(CaseworkDbContext db, ClockPolicy clocks, SubjectFingerprints fingerprints, TimeProvider time)
{
    public async Task<Case> OpenAsync(NewCase input, string createdBy, bool acknowledgeNow, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var reference = await CaseReferences.NextAsync(db, UkTime.LondonDate(now).Year, cancellationToken);
        var @case = Case.Open(reference, input.Type, input.Channel, input.ReceivedAt, input.Subject, input.Summary, input.Description,
            input.ForceOutcomeNotifiedOn, clocks, createdBy, now);

        Guid? recipient = null;
        var mobile = InputRules.MobileOrNull(@case.SubjectPhone);
        if (@case.SubjectEmail is not null || mobile is not null)
        {
            // Contact details go to Notifications alone, before any event that names the recipient.
            recipient = Guid.CreateVersion7(now);
            db.AddIntegrationCommand(new RegisterRecipient(recipient.Value, @case.SubjectName, @case.SubjectEmail, mobile, now),
                NotificationQueues.RegisterRecipient);
            await db.SaveChangesAsync(cancellationToken);
        }

        @case.RegisterSubject(recipient, fingerprints.Email(@case.SubjectEmail), fingerprints.Phone(@case.SubjectPhone));
        db.Cases.Add(@case);
        var type = @case.Type.Kebab();
        db.AddIntegrationEvent(new CaseOpened(@case.Id, @case.Reference, type, @case.Channel.Kebab(), @case.ReceivedAt, recipient, now));
        if (@case.ReferredToPanelAt is { } referredAt)
        {
            db.AddIntegrationEvent(new CaseReferredToPanel(@case.Id, @case.Reference, referredAt, now));
        }

        if (acknowledgeNow)
        {
            @case.Acknowledge(now);
            db.AddIntegrationEvent(new CaseAcknowledged(@case.Id, @case.Reference, type, recipient, now));
        }

        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return @case;
    }
}
