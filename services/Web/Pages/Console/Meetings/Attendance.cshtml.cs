using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using PanelPlatform.Web.Gateway;

namespace PanelPlatform.Web.Pages.Console.Meetings;

/// <summary>
/// Who was there, from the body's members on the meeting date (officers and those "also present" included): present,
/// in the chair, apologies… Saved as the whole record at once, as the minutes print it.
/// </summary>
public sealed class AttendanceModel(PanelApi api) : ClerkMeetingPageModel(api)
{
    public const string NotRecorded = "";

    [BindProperty]
    public List<AttendanceRow> Rows { get; set; } = [];

    public sealed class AttendanceRow
    {
        public Guid PersonId { get; set; }
        public string? Name { get; set; }
        public string? Role { get; set; }
        public string? Kind { get; set; }
        public string? Capacity { get; set; }
    }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (!await LoadMeetingAsync(cancellationToken))
        {
            return NotFound();
        }

        var recorded = Meeting.Attendance.ToDictionary(a => a.PersonId);
        Rows = [.. (await MembersAsync(cancellationToken)).Select(member => new AttendanceRow
        {
            PersonId = member.PersonId,
            Name = member.PersonName,
            Role = Describe(member),
            Kind = recorded.TryGetValue(member.PersonId, out var a) ? a.Kind : NotRecorded,
            Capacity = recorded.TryGetValue(member.PersonId, out var b) ? b.Capacity : member.Council,
        })];
        // Someone recorded before whose membership has since been changed stays on the form.
        foreach (var other in Meeting.Attendance.Where(a => Rows.All(r => r.PersonId != a.PersonId)))
        {
            Rows.Add(new AttendanceRow { PersonId = other.PersonId, Name = other.Name, Role = "", Kind = other.Kind, Capacity = other.Capacity });
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!await LoadMeetingAsync(cancellationToken))
        {
            return NotFound();
        }

        var chosen = Rows.Where(r => !string.IsNullOrEmpty(r.Kind)).ToList();
        if (chosen.Any(r => ConsoleText.AttendanceKinds.All(k => k.Value != r.Kind)))
        {
            ModelState.AddModelError("", "Choose attendance from the list for each person");
        }

        if (chosen.Count(r => r.Kind == "in-the-chair") > 1)
        {
            var second = Rows.FindIndex(Rows.FindIndex(r => r.Kind == "in-the-chair") + 1, r => r.Kind == "in-the-chair");
            ModelState.AddModelError($"Rows[{second}].Kind", "Only one person can be in the chair");
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var result = await Api.PutAsync<IReadOnlyList<AttendanceRecord>>($"api/meetings/meetings/{Id}/attendance", new
        {
            entries = chosen.Select(r => new { personId = r.PersonId, kind = r.Kind, capacity = string.IsNullOrWhiteSpace(r.Capacity) ? null : r.Capacity.Trim() }),
        }, cancellationToken);
        if (!result.Ok)
        {
            var fields = new Dictionary<string, string>();
            for (var i = 0; i < chosen.Count; i++)
            {
                var row = Rows.IndexOf(chosen[i]);
                fields[$"entries[{i}].kind"] = $"Rows[{row}].Kind";
                fields[$"entries[{i}].capacity"] = $"Rows[{row}].Capacity";
            }

            ModelState.AddConsoleProblem(result.Problem!, fields);
            return Page();
        }

        return Done($"Attendance saved: {result.Value!.Count(a => a.Kind is "present" or "in-the-chair")} present, {result.Value!.Count(a => a.Kind == "apologies")} apologies");
    }

    private async Task<IReadOnlyList<MembershipRecord>> MembersAsync(CancellationToken cancellationToken)
    {
        var on = DateOnly.FromDateTime(Govuk.Display.InLondon(Meeting.StartsAt).DateTime).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var memberships = (await Api.GetAsync<ApiPage<MembershipRecord>>(
            $"api/meetings/bodies/{Uri.EscapeDataString(Meeting.BodySlug)}/memberships?on={on}&limit=200", cancellationToken)).Required("memberships").Items;
        // One row per person (a membership may have changed role during the year), members before officers.
        return [.. memberships.GroupBy(m => m.PersonId).Select(g => g.OrderBy(m => RoleOrder(m.Role)).First())
            .OrderBy(m => RoleOrder(m.Role)).ThenBy(m => m.PersonName, StringComparer.OrdinalIgnoreCase)];
    }

    private static int RoleOrder(string role) => role switch
    {
        "chair" => 0,
        "vice-chair" => 1,
        "member" => 2,
        "co-opted-member" => 3,
        "independent-member" => 4,
        "officer" => 6,
        _ => 5,
    };

    private static string Describe(MembershipRecord m) =>
        string.Join(", ", new[] { Govuk.Display.Words(m.Role), m.Council, m.Party }.Where(s => !string.IsNullOrWhiteSpace(s)));
}
