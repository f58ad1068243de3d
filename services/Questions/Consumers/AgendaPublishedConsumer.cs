using MassTransit;
using PanelPlatform.Contracts.Meetings;
using PanelPlatform.Questions.Data;
using PanelPlatform.Questions.Domain;

namespace PanelPlatform.Questions.Consumers;

/// <summary>
/// Remembers a meeting's public agenda items, so an accepted question goes under "Member questions to the PCC" or
/// "Public questions on …" without the moderator looking the id up. Dates come only from the diary events, so an
/// agenda for a meeting not yet known is not kept.
/// </summary>
public sealed class AgendaPublishedConsumer(QuestionsDbContext db) : IConsumer<AgendaPublished>
{
    public async Task Consume(ConsumeContext<AgendaPublished> context)
    {
        var e = context.Message;
        var meeting = await db.Meetings.FindAsync([e.MeetingId], context.CancellationToken);
        meeting?.SetAgenda(e.Items.Select(i => new KnownAgendaItem(i.ItemId, i.Number, i.Title)));
    }
}
