using Microsoft.AspNetCore.Mvc;
using PanelPlatform.Web.Gateway;
using PanelPlatform.Web.Govuk;

namespace PanelPlatform.Web.Pages.Console.Meetings;

/// <summary>
/// Publish the agenda: first what the notice rule says about publishing today (clear working days against the
/// body's requirement), and when it would be late, the urgency reason the record needs.
/// </summary>
public sealed class PublishModel(PanelApi api) : ClerkMeetingPageModel(api)
{
    [BindProperty]
    public string? UrgencyReason { get; set; }

    public NoticeRecord Notice { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken))
        {
            return NotFound();
        }

        return Meeting.AwaitsAgenda ? Page() : Redirect(MeetingPath);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken))
        {
            return NotFound();
        }

        if (Notice.Late && string.IsNullOrWhiteSpace(UrgencyReason))
        {
            ModelState.AddModelError(nameof(UrgencyReason), "Enter why the agenda is being published late (the reason for the urgency)");
            return Page();
        }

        var result = await Api.PostAsync<PublishedAgendaRecord>($"api/meetings/meetings/{Id}/agenda/publish",
            new { urgencyReason = Notice.Late ? UrgencyReason!.Trim() : null }, cancellationToken);
        if (!result.Ok)
        {
            ModelState.AddConsoleProblem(result.Problem!, new Dictionary<string, string> { ["urgencyReason"] = nameof(UrgencyReason) },
                new Dictionary<string, string> { ["agenda-notice-too-short"] = nameof(UrgencyReason) });
            return Page();
        }

        var notice = result.Value!.Notice;
        return Done(notice.Late
            ? $"Agenda published late, with {Days(notice.ClearWorkingDays)} of notice. The reason for the urgency is on the record."
            : $"Agenda published, with {Days(notice.ClearWorkingDays)} of notice.");
    }

    public static string Days(int count) => count == 1 ? "1 clear working day" : $"{count} clear working days";

    private async Task<bool> LoadAsync(CancellationToken cancellationToken)
    {
        if (!await LoadMeetingAsync(cancellationToken))
        {
            return false;
        }

        Notice = (await Api.GetAsync<NoticeRecord>($"api/meetings/meetings/{Id}/agenda/notice", cancellationToken)).Required("the agenda notice");
        return true;
    }
}
