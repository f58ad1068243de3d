using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using PanelPlatform.ServiceDefaults.Auth;
using PanelPlatform.Web.Gateway;
using PanelPlatform.Web.Pages.Console.Meetings;

namespace PanelPlatform.Web.Pages.Console.Questions;

/// <summary>
/// The moderation queue, oldest first: what the API lets this member of staff see (the clerk the Panel's questions,
/// opcc-staff the scrutiny meetings' and every accepted question to answer), filtered by meeting, status and kind.
/// </summary>
[Authorize(Roles = $"{Roles.Clerk},{Roles.OpccStaff},{Roles.Admin}")]
public sealed class IndexModel(PanelApi api, TimeProvider time) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public Guid? MeetingId { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Status { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Kind { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Cursor { get; set; }

    [TempData]
    public string? Banner { get; set; }

    public IReadOnlyList<QuestionRecord> Questions { get; private set; } = [];

    public string? NextCursor { get; private set; }

    public IReadOnlyDictionary<Guid, QuestionMeetingRecord> Meetings { get; private set; } = new Dictionary<Guid, QuestionMeetingRecord>();

    public IReadOnlyList<MeetingSummary> MeetingList { get; private set; } = [];

    public QuestionMeetingRecord? SelectedMeeting => MeetingId is { } id ? Meetings.GetValueOrDefault(id) : null;

    public IEnumerable<SelectListItem> MeetingChoices =>
        new[] { new SelectListItem("All meetings", "") }.Concat(MeetingList.Select(m => new SelectListItem(
            $"{m.Title}, {Govuk.Display.Date(m.StartsAt)}", m.Id.ToString())));

    public IEnumerable<SelectListItem> StatusChoices => QuestionText.Options(QuestionText.Statuses, "Any status");

    public IEnumerable<SelectListItem> KindChoices => QuestionText.Options(QuestionText.Kinds, "Public and member questions");

    public string Link(string? cursor = null)
    {
        var query = new List<string>();
        if (MeetingId is { } meeting)
        {
            query.Add($"meetingId={meeting}");
        }

        if (!string.IsNullOrEmpty(Status))
        {
            query.Add($"status={Uri.EscapeDataString(Status)}");
        }

        if (!string.IsNullOrEmpty(Kind))
        {
            query.Add($"kind={Uri.EscapeDataString(Kind)}");
        }

        if (cursor is not null)
        {
            query.Add($"cursor={Uri.EscapeDataString(cursor)}");
        }

        return "/console/questions" + (query.Count == 0 ? "" : "?" + string.Join('&', query));
    }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (Status is not null && QuestionText.Statuses.All(s => s.Value != Status))
        {
            Status = null;
        }

        if (Kind is not null && QuestionText.Kinds.All(k => k.Value != Kind))
        {
            Kind = null;
        }

        var path = "api/questions?limit=25";
        path += MeetingId is { } meeting ? $"&meetingId={meeting}" : "";
        path += Status is null ? "" : $"&status={Status}";
        path += Kind is null ? "" : $"&kind={Kind}";
        path += string.IsNullOrEmpty(Cursor) ? "" : $"&cursor={Uri.EscapeDataString(Cursor)}";
        var page = await api.GetAsync<ApiPage<QuestionRecord>>(path, cancellationToken);
        if (!page.Ok && Cursor is not null)
        {
            Cursor = null;
            return Redirect(Link());
        }

        Questions = page.Required("questions").Items;
        NextCursor = page.Value!.NextCursor;
        await LoadMeetingsAsync(cancellationToken);
        return Page();
    }

    /// <summary>Publishes the chosen meeting's approved answers that may go out now.</summary>
    public async Task<IActionResult> OnPostPublishAsync(CancellationToken cancellationToken)
    {
        if (MeetingId is not { } meeting)
        {
            return Redirect(Link());
        }

        var result = await api.PostAsync<PublishResultRecord>($"api/questions/meetings/{meeting}/publish", null, cancellationToken);
        if (!result.Ok)
        {
            ModelState.AddConsoleProblem(result.Problem!);
            return await OnGetAsync(cancellationToken);
        }

        Banner = Published(result.Value!);
        return Redirect(Link());
    }

    public static string Published(PublishResultRecord result) =>
        $"{(result.Published == 1 ? "1 answer" : $"{result.Published} answers")} published" +
        (result.WaitingForMeeting > 0 ? $"; {result.WaitingForMeeting} more will be published when the meeting starts" : "");

    private async Task LoadMeetingsAsync(CancellationToken cancellationToken)
    {
        var since = Uri.EscapeDataString(time.GetUtcNow().AddDays(-180).ToString("o", CultureInfo.InvariantCulture));
        MeetingList = (await api.GetAsync<ApiPage<MeetingSummary>>($"api/meetings/meetings?from={since}&limit=100", cancellationToken)).Required("meetings").Items;
        var ids = Questions.Select(q => q.MeetingId).Append(MeetingId ?? Guid.Empty).Where(id => id != Guid.Empty).Distinct().ToList();
        var known = await Task.WhenAll(ids.Select(id => api.GetAsync<QuestionMeetingRecord>($"api/questions/meetings/{id}", cancellationToken)));
        Meetings = known.Where(k => k.Ok).Select(k => k.Value!).ToDictionary(k => k.MeetingId);
        if (SelectedMeeting is { } selected && MeetingList.All(m => m.Id != selected.MeetingId))
        {
            MeetingList = [.. MeetingList.Prepend(new MeetingSummary(selected.MeetingId, selected.BodySlug, selected.BodyName, selected.Title,
                selected.StartsAt, null, null, false, selected.Cancelled ? "cancelled" : "scheduled", null, false, false, 0))];
        }
    }
}
