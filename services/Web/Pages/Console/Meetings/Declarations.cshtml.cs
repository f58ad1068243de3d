using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using PanelPlatform.Web.Gateway;

namespace PanelPlatform.Web.Pages.Console.Meetings;

/// <summary>Declarations of interest made at the meeting: by a member of the body on its date, in an item or the meeting as a whole.</summary>
public sealed class DeclarationsModel(PanelApi api) : ClerkMeetingPageModel(api)
{
    [BindProperty]
    public Guid? PersonId { get; set; }

    [BindProperty]
    public Guid? ItemId { get; set; }

    [BindProperty]
    public string? Kind { get; set; }

    [BindProperty]
    public string? Detail { get; set; }

    public IReadOnlyList<MembershipRecord> Members { get; private set; } = [];

    public IEnumerable<SelectListItem> MemberChoices =>
        new[] { new SelectListItem("Choose a member", "") }.Concat(Members.Select(m => new SelectListItem(m.PersonName, m.PersonId.ToString())));

    public IEnumerable<SelectListItem> ItemChoices =>
        new[] { new SelectListItem("The meeting as a whole", "") }.Concat(Meeting.Items.Select(i => new SelectListItem($"{i.Number}. {i.Title}", i.Id.ToString())));

    public IEnumerable<SelectListItem> KindChoices => ConsoleText.Options(ConsoleText.DeclarationKinds, "Choose the kind of interest");

    public string ItemName(Guid? itemId) =>
        itemId is { } id && Meeting.Items.FirstOrDefault(i => i.Id == id) is { } item ? $"{item.Number}. {item.Title}" : "The meeting as a whole";

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken) =>
        await LoadAsync(cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken))
        {
            return NotFound();
        }

        if (PersonId is null)
        {
            ModelState.AddModelError(nameof(PersonId), "Select the member making the declaration");
        }

        if (ConsoleText.DeclarationKinds.All(k => k.Value != Kind))
        {
            ModelState.AddModelError(nameof(Kind), "Select the kind of interest");
        }

        if (string.IsNullOrWhiteSpace(Detail))
        {
            ModelState.AddModelError(nameof(Detail), "Enter the interest declared, as it is to be minuted");
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var result = await Api.PostAsync<DeclarationRecord>($"api/meetings/meetings/{Id}/declarations",
            new { personId = PersonId, itemId = ItemId, kind = Kind, detail = Detail!.Trim() }, cancellationToken);
        if (!result.Ok)
        {
            ModelState.AddConsoleProblem(result.Problem!,
                new Dictionary<string, string> { ["personId"] = nameof(PersonId), ["kind"] = nameof(Kind), ["detail"] = nameof(Detail), ["itemId"] = nameof(ItemId) },
                new Dictionary<string, string> { ["declarant-not-a-member"] = nameof(PersonId), ["unknown-person"] = nameof(PersonId), ["unknown-item"] = nameof(ItemId) });
            return Page();
        }

        return Done($"Declaration by {result.Value!.PersonName} recorded", $"{MeetingPath}/declarations");
    }

    public async Task<IActionResult> OnPostDeleteAsync(Guid declarationId, CancellationToken cancellationToken)
    {
        var result = await Api.DeleteAsync($"api/meetings/declarations/{declarationId}", cancellationToken);
        if (!result.Ok && !result.NotFound)
        {
            if (!await LoadAsync(cancellationToken))
            {
                return NotFound();
            }

            ModelState.AddConsoleProblem(result.Problem!);
            return Page();
        }

        return Done("Declaration removed", $"{MeetingPath}/declarations");
    }

    private async Task<bool> LoadAsync(CancellationToken cancellationToken)
    {
        if (!await LoadMeetingAsync(cancellationToken))
        {
            return false;
        }

        var on = DateOnly.FromDateTime(Govuk.Display.InLondon(Meeting.StartsAt).DateTime).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var memberships = (await Api.GetAsync<ApiPage<MembershipRecord>>(
            $"api/meetings/bodies/{Uri.EscapeDataString(Meeting.BodySlug)}/memberships?on={on}&limit=200", cancellationToken)).Required("memberships").Items;
        // Only those with a seat declare interests: not officers, nor those "also present".
        Members = [.. memberships.Where(m => m.Role is not ("officer" or "also-present")).DistinctBy(m => m.PersonId).OrderBy(m => m.PersonName, StringComparer.OrdinalIgnoreCase)];
        return true;
    }
}
