using MassTransit;
using PanelPlatform.Contracts.Casework;
using PanelPlatform.Meetings.Data;
using PanelPlatform.Meetings.Domain;

namespace PanelPlatform.Meetings.Consumers;

/// <summary>Records that a complaint about the Commissioner is a Panel matter: its reference, nothing personal.</summary>
public sealed class CaseReferredToPanelConsumer(MeetingsDbContext db, TimeProvider time) : IConsumer<CaseReferredToPanel>
{
    public async Task Consume(ConsumeContext<CaseReferredToPanel> context)
    {
        var referred = context.Message;
        if (await db.PanelMatters.FindAsync([referred.CaseId], context.CancellationToken) is not null)
        {
            return;
        }

        db.PanelMatters.Add(new PanelMatter
        {
            CaseId = referred.CaseId,
            Reference = QuestionAcceptedConsumer.Clip(referred.Reference, 50),
            ReferredAt = referred.ReferredAt,
            RecordedAt = time.GetUtcNow(),
        });
        await db.SaveChangesAsync(context.CancellationToken);
    }
}
