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
/// One question: what was asked, by whom (for its moderator), questions like it, its history, and what this member of
/// staff may do next. Moderators accept, reject (a fixed reason and a note), withdraw or reassign; the Commissioner's
/// office writes the answer and a second person approves it; the meeting's answers are then published.
/// </summary>
[Authorize(Roles = $"{Roles.Clerk},{Roles.OpccStaff},{Roles.Admin}")]
public sealed class QuestionModel(PanelApi api, TimeProvider time) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    [BindProperty]
    public Guid? AgendaItemId { get; set; }

    [BindProperty]
    public string? RejectReason { get; set; }

    [BindProperty]
    public string? RejectNote { get; set; }

    [BindProperty]
    public string? WithdrawNote { get; set; }

    [BindProperty]
    public Guid? ReassignTo { get; set; }

    [BindProperty]
    public string? AnswerText { get; set; }

    [BindProperty]
    public string? AnsweredBy { get; set; }

    [BindProperty]
    public List<string> PublishEarly { get; set; } = [];

    [TempData]
    public string? Banner { get; set; }

    public QuestionRecord Question { get; private set; } = null!;

    public QuestionMeetingRecord? Meeting { get; private set; }

    /// <summary>The meeting's public agenda items, for the item an accepted question goes under.</summary>
    public IReadOnlyList<ItemRecord> AgendaItems { get; private set; } = [];

    public IReadOnlyList<MeetingSummary> UpcomingMeetings { get; private set; } = [];

    public bool Moderates => Question.Moderated;

    public bool WritesAnswers => User.IsInRole(Roles.OpccStaff) || User.IsInRole(Roles.Admin);

    public string Path => $"/console/questions/{Id}";

    public IEnumerable<SelectListItem> ItemChoices =>
        new[] { new SelectListItem("The meeting's questions item", "") }
            .Concat(AgendaItems.Where(i => !i.IsExempt).Select(i => new SelectListItem($"{i.Number}. {i.Title}", i.Id.ToString())));

    public IEnumerable<SelectListItem> ReasonChoices => QuestionText.RejectionReasons.Select(r => new SelectListItem(r.Text, r.Value));

    public IEnumerable<SelectListItem> MeetingChoices =>
        new[] { new SelectListItem("Choose a meeting", "") }.Concat(UpcomingMeetings.Where(m => m.Id != Question.MeetingId && m.Status != "cancelled")
            .Select(m => new SelectListItem($"{m.Title}, {Govuk.Display.Date(m.StartsAt)}", m.Id.ToString())));

    public static readonly IReadOnlyList<SelectListItem> EarlyChoice = [new("Publish it before the meeting starts", "true")];

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var found = await LoadAsync(cancellationToken);
        if (found is not null)
        {
            return found;
        }

        AnswerText = Question.Answer?.Text;
        AnsweredBy = Question.Answer?.AnsweredBy;
        return Page();
    }

    public Task<IActionResult> OnPostAcceptAsync(CancellationToken cancellationToken) =>
        ChangeAsync("accept", new { agendaItemId = AgendaItemId }, "Question accepted", new() { ["agendaItemId"] = nameof(AgendaItemId) }, null, cancellationToken);

    public Task<IActionResult> OnPostRejectAsync(CancellationToken cancellationToken)
    {
        if (QuestionText.RejectionReasons.All(r => r.Value != RejectReason))
        {
            ModelState.AddModelError(nameof(RejectReason), "Select why the question is rejected");
        }

        return ChangeAsync("reject", new { reason = RejectReason, note = Blank(RejectNote) }, "Question rejected",
            new() { ["reason"] = nameof(RejectReason), ["note"] = nameof(RejectNote) }, null, cancellationToken);
    }

    public Task<IActionResult> OnPostWithdrawAsync(CancellationToken cancellationToken) =>
        ChangeAsync("withdraw", new { note = Blank(WithdrawNote) }, "Question withdrawn", new() { ["note"] = nameof(WithdrawNote) }, null, cancellationToken);

    public Task<IActionResult> OnPostReassignAsync(CancellationToken cancellationToken)
    {
        if (ReassignTo is null)
        {
            ModelState.AddModelError(nameof(ReassignTo), "Select the meeting the question moves to");
        }

        return ChangeAsync("reassign", new { meetingId = ReassignTo }, "Question moved to another meeting: moderate it there",
            new() { ["meetingId"] = nameof(ReassignTo) }, null, cancellationToken);
    }

    public Task<IActionResult> OnPostAnswerAsync(CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(AnswerText))
        {
            ModelState.AddModelError(nameof(AnswerText), "Enter the answer");
        }

        return ChangeAsync("answer", new { text = AnswerText?.Trim(), answeredBy = Blank(AnsweredBy) },
            "Answer saved. Someone else must now approve it", new() { ["text"] = nameof(AnswerText), ["answeredBy"] = nameof(AnsweredBy) }, HttpMethod.Put, cancellationToken);
    }

    public Task<IActionResult> OnPostApproveAsync(CancellationToken cancellationToken)
    {
        var early = PublishEarly.Contains("true");
        return ChangeAsync("answer/approve", new { publishEarly = early },
            early ? "Answer approved, and may be published before the meeting" : "Answer approved. It is published with the meeting",
            new(), null, cancellationToken);
    }

    public async Task<IActionResult> OnPostPublishAsync(CancellationToken cancellationToken)
    {
        var found = await LoadAsync(cancellationToken);
        if (found is not null)
        {
            return found;
        }

        var result = await api.PostAsync<PublishResultRecord>($"api/questions/meetings/{Question.MeetingId}/publish", null, cancellationToken);
        if (!result.Ok)
        {
            ModelState.AddConsoleProblem(result.Problem!);
            return Page();
        }

        Banner = IndexModel.Published(result.Value!);
        return Redirect(Path);
    }

    /// <summary>
    /// Sends one change to the question. Refused (by this page's checks or the API's), the page shows again with the
    /// question as it is now and what was typed still in the form.
    /// </summary>
    private async Task<IActionResult> ChangeAsync(
        string action, object body, string banner, Dictionary<string, string> fields, HttpMethod? method, CancellationToken cancellationToken)
    {
        if (ModelState.IsValid)
        {
            var path = $"api/questions/{Id}/{action}";
            var result = method == HttpMethod.Put
                ? await api.PutAsync<QuestionRecord>(path, body, cancellationToken)
                : await api.PostAsync<QuestionRecord>(path, body, cancellationToken);
            if (result.Ok)
            {
                Banner = banner;
                return Redirect(Path);
            }

            ModelState.AddConsoleProblem(result.Problem!, fields);
        }

        var found = await LoadAsync(cancellationToken);
        return found ?? Page();
    }

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    /// <summary>Null when loaded; else what to answer (not found, or the API's forbidden as the access-denied page).</summary>
    private async Task<IActionResult?> LoadAsync(CancellationToken cancellationToken)
    {
        var question = await api.GetAsync<QuestionRecord>($"api/questions/{Id}", cancellationToken);
        if (question.NotFound)
        {
            return NotFound();
        }

        if (question.Status == StatusCodes.Status403Forbidden)
        {
            return Forbid();
        }

        Question = question.Required("the question");
        var meeting = await api.GetAsync<QuestionMeetingRecord>($"api/questions/meetings/{Question.MeetingId}", cancellationToken);
        Meeting = meeting.Ok ? meeting.Value : null;
        if (Moderates && Question.Status == "submitted")
        {
            var page = await api.GetAsync<AgendaOnly>($"api/meetings/meetings/{Question.MeetingId}", cancellationToken);
            AgendaItems = page.Ok ? page.Value!.Items : [];
        }

        if (Moderates && Question.Status is "submitted" or "needs-reassignment")
        {
            var from = Uri.EscapeDataString(time.GetUtcNow().ToString("o", CultureInfo.InvariantCulture));
            UpcomingMeetings = (await api.GetAsync<ApiPage<MeetingSummary>>($"api/meetings/meetings?from={from}&body={Uri.EscapeDataString(Question.BodySlug)}&limit=50", cancellationToken)).Required("meetings").Items;
        }

        return null;
    }

    private sealed record AgendaOnly(IReadOnlyList<ItemRecord> Items);
}
