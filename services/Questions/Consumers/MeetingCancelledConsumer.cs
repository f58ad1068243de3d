using MassTransit;
using Microsoft.EntityFrameworkCore;
using PanelPlatform.Contracts.Meetings;
using PanelPlatform.Contracts.Questions;
using PanelPlatform.Questions.Data;
using PanelPlatform.Questions.Domain;
using PanelPlatform.Questions.Endpoints;
using PanelPlatform.ServiceDefaults.Messaging;

namespace PanelPlatform.Questions.Consumers;

/// <summary>
/// A meeting will not take place: its open questions need another meeting, and each asker is told
/// (<see cref="QuestionNeedsReassignment"/> with their RecipientId; Notifications sends the message).
/// </summary>
public sealed class MeetingCancelledConsumer(QuestionsDbContext db) : IConsumer<MeetingCancelled>
{
    public async Task Consume(ConsumeContext<MeetingCancelled> context)
    {
        var e = context.Message;
        var (meeting, inserted) = await KnownMeetings.FindOrInsertAsync(
            db, KnownMeeting.Cancelled(e.MeetingId, e.BodySlug, e.BodyName, e.Title, e.StartsAt, e.OccurredAt), context.CancellationToken);
        if (inserted || !meeting.Cancel(e.OccurredAt))
        {
            return;
        }

        var open = await db.Questions.Include(q => q.History)
            .Where(q => q.MeetingId == e.MeetingId &&
                        (q.Status == QuestionStatus.Submitted || q.Status == QuestionStatus.Accepted || q.Status == QuestionStatus.Answered))
            .ToListAsync(context.CancellationToken);
        foreach (var question in open)
        {
            if (question.MarkNeedsReassignment(e.OccurredAt))
            {
                db.AddIntegrationEvent(new QuestionNeedsReassignment(
                    question.Id, question.MeetingId, SubmissionEndpoints.KindCode(question.Kind), question.RecipientId, e.OccurredAt));
            }
        }
    }
}
