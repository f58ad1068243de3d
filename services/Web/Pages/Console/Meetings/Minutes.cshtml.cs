using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using PanelPlatform.Web.Gateway;

namespace PanelPlatform.Web.Pages.Console.Meetings;

/// <summary>
/// The minutes of a meeting that has been held: a minute per item (drafted together, so the API numbers them NN/YY in
/// agenda order), their resolutions, publishing the draft, and confirming it at a later meeting of the body.
/// </summary>
public sealed class MinutesModel(PanelApi api) : ClerkMeetingPageModel(api)
{
    [BindProperty]
    public List<DraftEntry> Draft { get; set; } = [];

    [BindProperty]
    public Guid? ConfirmingMeetingId { get; set; }

    [BindProperty]
    public string? ConfirmingMinuteNumber { get; set; }

    public IReadOnlyList<MeetingSummary> LaterMeetings { get; private set; } = [];

    public sealed class DraftEntry
    {
        public Guid ItemId { get; set; }
        public string? Text { get; set; }
        public string? Resolutions { get; set; }
    }

    public bool CanDraft => Meeting.Status is "held" or "minutes-drafted";

    public IReadOnlyList<ItemRecord> Unminuted => [.. Meeting.Items.Where(i => Meeting.Minutes.All(m => m.AgendaItemId != i.Id))];

    public IEnumerable<SelectListItem> LaterMeetingChoices =>
        new[] { new SelectListItem("Choose the meeting", "") }
            .Concat(LaterMeetings.Select(l => new SelectListItem($"{l.Title}, {Govuk.Display.Date(l.StartsAt)}", l.Id.ToString())));

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken))
        {
            return NotFound();
        }

        return Page();
    }

    public async Task<IActionResult> OnPostDraftAsync(CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken))
        {
            return NotFound();
        }

        var written = Draft.Select((entry, index) => (entry, index)).Where(e => !string.IsNullOrWhiteSpace(e.entry.Text)).ToList();
        foreach (var (entry, index) in Draft.Select((entry, index) => (entry, index)))
        {
            if (string.IsNullOrWhiteSpace(entry.Text) && !string.IsNullOrWhiteSpace(entry.Resolutions))
            {
                ModelState.AddModelError($"Draft[{index}].Text", "Enter the minute for the item whose resolutions you entered");
            }
        }

        if (written.Count == 0 && ModelState.IsValid)
        {
            ModelState.AddModelError(Draft.Count > 0 ? "Draft[0].Text" : "", "Enter the minute of at least one item");
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var result = await Api.PostAsync<IReadOnlyList<MinuteRecord>>($"api/meetings/meetings/{Id}/minutes/draft", new
        {
            entries = written.Select(e => new
            {
                itemId = e.entry.ItemId,
                text = e.entry.Text!.Trim(),
                resolutions = Lines(e.entry.Resolutions),
            }),
        }, cancellationToken);
        if (!result.Ok)
        {
            var fields = new Dictionary<string, string>();
            for (var i = 0; i < written.Count; i++)
            {
                fields[$"entries[{i}].text"] = $"Draft[{written[i].index}].Text";
                for (var j = 0; j < 50; j++)
                {
                    fields[$"entries[{i}].resolutions[{j}]"] = $"Draft[{written[i].index}].Resolutions";
                }
            }

            ModelState.AddConsoleProblem(result.Problem!, fields);
            return Page();
        }

        var drafted = result.Value!.Where(m => written.Any(w => w.entry.ItemId == m.AgendaItemId)).Select(m => m.Number).ToList();
        return Done(drafted.Count == 1 ? $"Minute {drafted[0]} drafted" : $"Minutes {string.Join(", ", drafted)} drafted", $"{MeetingPath}/minutes");
    }

    public async Task<IActionResult> OnPostPublishAsync(CancellationToken cancellationToken)
    {
        var result = await Api.PostAsync<MeetingSummary>($"api/meetings/meetings/{Id}/minutes/publish", null, cancellationToken);
        if (result.Ok)
        {
            return Done("Minutes published. They show as a draft on the public page until confirmed.", $"{MeetingPath}/minutes");
        }

        return await ShowAsync(result.Problem!, null, cancellationToken);
    }

    public async Task<IActionResult> OnPostConfirmAsync(CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken))
        {
            return NotFound();
        }

        if (ConfirmingMeetingId is null)
        {
            ModelState.AddModelError(nameof(ConfirmingMeetingId), "Select the meeting that confirmed these minutes");
        }

        if (string.IsNullOrWhiteSpace(ConfirmingMinuteNumber))
        {
            ModelState.AddModelError(nameof(ConfirmingMinuteNumber), "Enter the number of the minute that confirmed them, for example 40/22");
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var result = await Api.PostAsync<MeetingSummary>($"api/meetings/meetings/{Id}/minutes/confirm",
            new { confirmingMeetingId = ConfirmingMeetingId, minuteNumber = ConfirmingMinuteNumber!.Trim() }, cancellationToken);
        if (result.Ok)
        {
            return Done($"Minutes confirmed as a correct record by minute {ConfirmingMinuteNumber.Trim()}", $"{MeetingPath}/minutes");
        }

        ModelState.AddConsoleProblem(result.Problem!,
            new Dictionary<string, string> { ["confirmingMeetingId"] = nameof(ConfirmingMeetingId), ["minuteNumber"] = nameof(ConfirmingMinuteNumber) },
            new Dictionary<string, string>
            {
                ["unknown-confirming-meeting"] = nameof(ConfirmingMeetingId), ["confirming-meeting-other-body"] = nameof(ConfirmingMeetingId),
                ["confirming-meeting-not-later"] = nameof(ConfirmingMeetingId), ["unknown-confirming-minute"] = nameof(ConfirmingMinuteNumber),
            });
        return Page();
    }

    private async Task<IActionResult> ShowAsync(ApiProblem problem, IReadOnlyDictionary<string, string>? fields, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken))
        {
            return NotFound();
        }

        ModelState.AddConsoleProblem(problem, fields);
        return Page();
    }

    /// <summary>One resolution per line of the box; blank lines between them are ignored.</summary>
    public static IReadOnlyList<string> Lines(string? text) =>
        string.IsNullOrWhiteSpace(text) ? [] : [.. text.Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0)];

    private async Task<bool> LoadAsync(CancellationToken cancellationToken)
    {
        if (!await LoadMeetingAsync(cancellationToken))
        {
            return false;
        }

        if (Draft.Count == 0)
        {
            Draft = [.. Unminuted.Select(i => new DraftEntry { ItemId = i.Id })];
        }

        if (Meeting.Status == "minutes-drafted")
        {
            var after = Uri.EscapeDataString(Meeting.StartsAt.AddMinutes(1).ToString("o", CultureInfo.InvariantCulture));
            LaterMeetings = (await Api.GetAsync<ApiPage<MeetingSummary>>(
                $"api/meetings/meetings?body={Uri.EscapeDataString(Meeting.BodySlug)}&from={after}&limit=10", cancellationToken)).Required("later meetings").Items
                .Where(l => l.Status != "cancelled").ToList();
        }

        return true;
    }
}
