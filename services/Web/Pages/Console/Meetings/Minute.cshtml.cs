using Microsoft.AspNetCore.Mvc;
using PanelPlatform.Web.Gateway;

namespace PanelPlatform.Web.Pages.Console.Meetings;

/// <summary>One minute: its title and text, and its resolutions (added, or removed while not yet published).</summary>
public sealed class MinuteModel(PanelApi api) : ClerkMeetingPageModel(api)
{
    [BindProperty(SupportsGet = true)]
    public Guid MinuteId { get; set; }

    [BindProperty]
    public string? MinuteTitle { get; set; }

    [BindProperty]
    public string? Text { get; set; }

    [BindProperty]
    public string? Resolution { get; set; }

    public MinuteRecord Minute { get; private set; } = null!;

    public string Path => $"{MeetingPath}/minutes/{MinuteId}";

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken))
        {
            return NotFound();
        }

        MinuteTitle = Minute.Title;
        Text = Minute.Text;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken))
        {
            return NotFound();
        }

        if (string.IsNullOrWhiteSpace(MinuteTitle))
        {
            ModelState.AddModelError(nameof(MinuteTitle), "Enter the minute's title");
        }

        if (string.IsNullOrWhiteSpace(Text))
        {
            ModelState.AddModelError(nameof(Text), "Enter the minute");
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var result = await Api.PutAsync<MinuteRecord>($"api/meetings/minutes/{MinuteId}", new { title = MinuteTitle!.Trim(), text = Text!.Trim() }, cancellationToken);
        if (!result.Ok)
        {
            ModelState.AddConsoleProblem(result.Problem!, new Dictionary<string, string> { ["title"] = nameof(MinuteTitle), ["text"] = nameof(Text) });
            return Page();
        }

        return Done($"Minute {Minute.Number} saved", $"{MeetingPath}/minutes#minute-{MinuteId}");
    }

    public async Task<IActionResult> OnPostResolutionAsync(CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken))
        {
            return NotFound();
        }

        MinuteTitle ??= Minute.Title;
        Text ??= Minute.Text;
        if (string.IsNullOrWhiteSpace(Resolution))
        {
            ModelState.AddModelError(nameof(Resolution), "Enter the resolution");
            return Page();
        }

        var result = await Api.PostAsync<ResolutionRecord>($"api/meetings/minutes/{MinuteId}/resolutions", new { text = Resolution.Trim() }, cancellationToken);
        if (!result.Ok)
        {
            ModelState.AddConsoleProblem(result.Problem!, new Dictionary<string, string> { ["text"] = nameof(Resolution) });
            return Page();
        }

        return Done($"Resolution added to minute {Minute.Number}", Path);
    }

    public async Task<IActionResult> OnPostRemoveAsync(Guid resolutionId, CancellationToken cancellationToken)
    {
        var result = await Api.DeleteAsync($"api/meetings/resolutions/{resolutionId}", cancellationToken);
        if (result.Ok || result.NotFound)
        {
            return Done("Resolution removed", Path);
        }

        if (!await LoadAsync(cancellationToken))
        {
            return NotFound();
        }

        MinuteTitle = Minute.Title;
        Text = Minute.Text;
        ModelState.AddConsoleProblem(result.Problem!);
        return Page();
    }

    private async Task<bool> LoadAsync(CancellationToken cancellationToken)
    {
        if (!await LoadMeetingAsync(cancellationToken))
        {
            return false;
        }

        Minute = Meeting.Minutes.FirstOrDefault(m => m.Id == MinuteId)!;
        return Minute is not null;
    }
}
