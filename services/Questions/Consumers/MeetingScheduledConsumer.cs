using MassTransit;
using PanelPlatform.Contracts.Meetings;
using PanelPlatform.Questions.Data;
using PanelPlatform.Questions.Domain;

namespace PanelPlatform.Questions.Consumers;

/// <summary>A meeting was put in the diary: Questions now knows its date, so its deadlines and form open.</summary>
public sealed class MeetingScheduledConsumer(QuestionsDbContext db) : IConsumer<MeetingScheduled>
{
    public async Task Consume(ConsumeContext<MeetingScheduled> context)
    {
        var e = context.Message;
        var (meeting, inserted) = await KnownMeetings.FindOrInsertAsync(
            db, KnownMeeting.Scheduled(e.MeetingId, e.BodySlug, e.BodyName, e.Title, e.StartsAt, e.OccurredAt), context.CancellationToken);
        if (!inserted)
        {
            meeting.Update(e.BodySlug, e.BodyName, e.Title, e.StartsAt, e.OccurredAt);
        }
    }
}
