using MassTransit;
using PanelPlatform.Contracts.Meetings;
using PanelPlatform.Questions.Data;
using PanelPlatform.Questions.Domain;

namespace PanelPlatform.Questions.Consumers;

/// <summary>A meeting moved: its deadlines move with it (they are worked out from its date whenever asked).</summary>
public sealed class MeetingRescheduledConsumer(QuestionsDbContext db) : IConsumer<MeetingRescheduled>
{
    public async Task Consume(ConsumeContext<MeetingRescheduled> context)
    {
        var e = context.Message;
        var (meeting, inserted) = await KnownMeetings.FindOrInsertAsync(
            db, KnownMeeting.Scheduled(e.MeetingId, e.BodySlug, e.BodyName, e.Title, e.StartsAt, e.OccurredAt), context.CancellationToken);
        if (!inserted)
        {
            meeting.Reschedule(e.BodySlug, e.BodyName, e.Title, e.StartsAt, e.OccurredAt);
        }
    }
}
