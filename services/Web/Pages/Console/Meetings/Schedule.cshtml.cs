using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using PanelPlatform.ServiceDefaults.Auth;
using PanelPlatform.Web.Gateway;

namespace PanelPlatform.Web.Pages.Console.Meetings;

/// <summary>Schedule a meeting of an existing body (or of a new one by its name).</summary>
[Authorize(Policy = Roles.Clerk)]
public sealed class ScheduleModel(PanelApi api) : PageModel
{
    [BindProperty]
    public string? BodySlug { get; set; }

    [BindProperty]
    public string? NewBodyName { get; set; }

    [BindProperty]
    public string? Title { get; set; }

    [BindProperty]
    public WhenAndWhere When { get; set; } = new();

    [TempData]
    public string? Banner { get; set; }

    public IReadOnlyList<BodyRecord> Bodies { get; private set; } = [];

    public IEnumerable<SelectListItem> BodyChoices =>
        new[] { new SelectListItem("Choose a body", "") }.Concat(Bodies.Select(b => new SelectListItem(b.Name, b.Slug)));

    public async Task OnGetAsync(string? body, CancellationToken cancellationToken)
    {
        await LoadBodiesAsync(cancellationToken);
        BodySlug = body ?? Bodies.FirstOrDefault(b => b.Slug == "derbyshire-police-and-crime-panel")?.Slug;
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        await LoadBodiesAsync(cancellationToken);
        var newBody = string.IsNullOrWhiteSpace(NewBodyName) ? null : NewBodyName.Trim();
        if (newBody is null && (string.IsNullOrEmpty(BodySlug) || Bodies.All(b => b.Slug != BodySlug)))
        {
            ModelState.AddModelError(nameof(BodySlug), "Select the body that meets, or enter a new body's name");
        }

        if (string.IsNullOrWhiteSpace(Title))
        {
            ModelState.AddModelError(nameof(Title), "Enter the meeting's title");
        }

        var times = When.Read(ModelState, nameof(When));
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var result = await api.PostAsync<MeetingSummary>("api/meetings/meetings", new
        {
            bodySlug = newBody is null ? BodySlug : null,
            bodyName = newBody,
            title = Title!.Trim(),
            startsAt = times!.Value.StartsAt,
            endsAt = times.Value.EndsAt,
            location = When.IsVirtual && string.IsNullOrWhiteSpace(When.Location) ? null : When.Location?.Trim(),
            isVirtual = When.IsVirtual,
        }, cancellationToken);
        if (!result.Ok)
        {
            var fields = WhenAndWhere.Fields(nameof(When));
            fields["title"] = nameof(Title);
            fields["bodyName"] = nameof(NewBodyName);
            fields["bodySlug"] = nameof(BodySlug);
            ModelState.AddConsoleProblem(result.Problem!, fields, new Dictionary<string, string> { ["unknown-body"] = nameof(BodySlug) });
            return Page();
        }

        Banner = "Meeting scheduled";
        return Redirect($"/console/meetings/{result.Value!.Id}");
    }

    private async Task LoadBodiesAsync(CancellationToken cancellationToken) =>
        Bodies = (await api.GetAsync<ApiPage<BodyRecord>>("api/meetings/bodies?limit=200", cancellationToken)).Required("bodies").Items;
}
