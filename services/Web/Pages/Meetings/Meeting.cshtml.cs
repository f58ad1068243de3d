using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using PanelPlatform.Web.Gateway;

namespace PanelPlatform.Web.Pages.Meetings;

/// <summary>
/// One meeting: its agenda (Part II items shown only as exempt, with the reason), reports, documents, minutes and
/// resolutions from Meetings; its deadline and published questions and answers from Questions.
/// </summary>
public sealed class MeetingModel(PanelApi api) : PageModel
{
    public MeetingDetail Meeting { get; private set; } = null!;

    public BodyListing? Body { get; private set; }

    /// <summary>Papers for the meeting as a whole (the agenda pack, a supplement), not for one item.</summary>
    public IReadOnlyList<DocumentDetail> MeetingDocuments { get; private set; } = [];

    /// <summary>Null when Questions has not heard of the meeting (yet).</summary>
    public MeetingQuestions? Questions { get; private set; }

    public IReadOnlyList<PublishedQuestion> Answered { get; private set; } = [];

    public bool TakesQuestions => Questions is { OpenForPublicQuestions: true } && Meeting.Status != "cancelled";

    public string CalendarHref => $"/api/meetings/bodies/{Uri.EscapeDataString(Meeting.BodySlug)}/calendar.ics";

    public string FeedHref => $"/api/meetings/bodies/{Uri.EscapeDataString(Meeting.BodySlug)}/feed.rss";

    public IReadOnlyList<MinuteDetail> MinutesFor(AgendaItemDetail item) => Meeting.Minutes.Where(m => m.AgendaItemId == item.Id).ToList();

    public IEnumerable<MinuteDetail> MinutesWithoutItem =>
        Meeting.Minutes.Where(m => m.AgendaItemId is null || Meeting.Items.All(i => i.Id != m.AgendaItemId));

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        var meeting = await api.GetAsync<MeetingDetail>($"api/meetings/meetings/{id}", cancellationToken);
        if (meeting.NotFound)
        {
            return NotFound();
        }

        Meeting = meeting.Required("meeting");
        // One after another: each call reads the visitor's request (token, request id), which is not safe to share across threads.
        Body = (await api.GetAsync<BodyListing>($"api/meetings/bodies/{Uri.EscapeDataString(Meeting.BodySlug)}", cancellationToken)).Value;
        var documents = await api.GetAsync<IReadOnlyList<DocumentDetail>>($"api/meetings/meetings/{id}/documents", cancellationToken);
        MeetingDocuments = (documents.Value ?? []).Where(d => d.AgendaItemId is null).ToList();
        Questions = (await api.GetAsync<MeetingQuestions>($"api/questions/meetings/{id}", cancellationToken)).Value;
        Answered = (await api.GetAsync<PublishedQuestions>($"api/questions/meetings/{id}/published", cancellationToken)).Value?.Questions ?? [];
        return Page();
    }
}
