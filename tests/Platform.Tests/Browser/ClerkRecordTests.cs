using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using PanelPlatform.ServiceDefaults.Auth;
using PanelPlatform.ServiceDefaults.Time;

namespace PanelPlatform.Platform.Tests.Browser;

/// <summary>
/// The rest of a meeting's record in the console: a late agenda with its urgency reason, the meeting held, attendance
/// from the body's members, a declaration, minutes drafted and numbered, a resolution, publishing and confirming at a
/// later meeting; a conflict said plainly; deleting an item and a document; rescheduling and cancelling.
/// </summary>
public sealed partial class ClerkRecordTests(PlatformApp platform, SiteBrowser browser)
{
    [GeneratedRegex(@"\d{2}/\d{2}")]
    private static partial Regex MinuteNumber();

    [Fact]
    public async Task A_clerk_records_a_held_meeting_attendance_declarations_minutes_and_their_confirmation_and_reschedules_and_cancels_another()
    {
        // A body of the test's own (its members, its minute numbers), two past meetings and one to come.
        var api = platform.Client(Roles.Clerk);
        var suffix = Guid.NewGuid().ToString("N")[..8];
        var body = (await ExpectAsync(await api.PostAsJsonAsync("/api/meetings/bodies", new { name = $"Police and Crime Panel Working Group {suffix}", kind = "committee" }),
            HttpStatusCode.Created)).GetProperty("slug").GetString()!;
        var past = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-Random.Shared.Next(120, 700));
        while (past.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday)
        {
            past = past.AddDays(1);
        }

        async Task<(Guid Id, string Name)> MemberAsync(string name, string role, string? council)
        {
            var person = (await ExpectAsync(await api.PostAsJsonAsync("/api/meetings/people", new { name }), HttpStatusCode.Created)).GetProperty("id").GetGuid();
            await ExpectAsync(await api.PostAsJsonAsync($"/api/meetings/bodies/{body}/memberships",
                new { personId = person, role, council, startsOn = past.AddYears(-1).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) }), HttpStatusCode.Created);
            return (person, name);
        }

        var chair = await MemberAsync($"Councillor Mick Moon {suffix}", "chair", "Erewash Borough Council");
        var member = await MemberAsync($"Councillor Ruth Dhindsa {suffix}", "member", "Derby City Council");
        var officer = await MemberAsync($"Helen Boffy {suffix}", "officer", null);

        async Task<Guid> MeetingAsync(string title, DateOnly on)
        {
            var created = await ExpectAsync(await api.PostAsJsonAsync("/api/meetings/meetings",
                new { bodySlug = body, title, startsAt = UkTime.FromLondon(on, new TimeOnly(10, 0)), location = "Committee Room 1, County Hall, Matlock" }), HttpStatusCode.Created);
            return created.GetProperty("id").GetGuid();
        }

        var meetingTitle = $"Working Group {suffix}";
        var meeting = await MeetingAsync(meetingTitle, past);
        foreach (var (number, title, kind) in new[] { ("1", "Apologies for Absence", "apologies"), ("2", "Declarations of Interest", "declarations"), ("3", "Police and Crime Plan Performance Report", "report") })
        {
            await ExpectAsync(await api.PostAsJsonAsync($"/api/meetings/meetings/{meeting}/items", new { number, title, kind, part = "part-i" }), HttpStatusCode.Created);
        }

        var laterTitle = $"Working Group {suffix} (next)";
        var later = await MeetingAsync(laterTitle, past.AddDays(28));
        var toCome = await MeetingAsync($"Working Group {suffix} (to come)", ClerkData.OwnDate());

        await using var clerk = await browser.OpenAsync(platform.Gateway, nameof(A_clerk_records_a_held_meeting_attendance_declarations_minutes_and_their_confirmation_and_reschedules_and_cancels_another));
        var page = clerk.Page;
        await clerk.SignInAsync(Roles.Clerk, $"/console/meetings/{meeting}");

        // A late agenda: the notice rule says so and the urgency reason is required.
        await page.GetByRole(AriaRole.Button, new() { Name = "Publish the agenda" }).ClickAsync();
        await Assertions.Expect(page.Locator(".govuk-warning-text")).ToContainTextAsync("This agenda is late");
        await clerk.AssertAccessibleAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Publish the agenda late" }).ClickAsync();
        await Assertions.Expect(page.Locator(".govuk-error-summary")).ToContainTextAsync("Enter why the agenda is being published late");
        await clerk.AssertAccessibleAsync();
        await clerk.ScreenshotAsync("late-agenda");
        await page.GetByLabel("Reason for the urgency").FillAsync("The meeting is recorded after the event, from the printed pack.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Publish the agenda late" }).ClickAsync();
        await ClerkData.BannerAsync(page, "Agenda published late");
        await page.GetByRole(AriaRole.Button, new() { Name = "Record the meeting as held" }).ClickAsync();
        await ClerkData.BannerAsync(page, "Meeting recorded as held");
        await clerk.AssertAccessibleAsync();

        // Attendance, from the body's members on the day.
        await page.GetByRole(AriaRole.Link, new() { Name = "Attendance", Exact = true }).ClickAsync();
        await page.GetByLabel($"Attendance of {chair.Name}").SelectOptionAsync("in-the-chair");
        await page.GetByLabel($"Attendance of {member.Name}").SelectOptionAsync("present");
        await page.GetByLabel($"Attendance of {officer.Name}").SelectOptionAsync("officer-present");
        await page.GetByLabel($"How {officer.Name} is minuted").FillAsync("Office of the Police and Crime Commissioner");
        await clerk.AssertAccessibleAsync();
        await clerk.ScreenshotAsync("attendance");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save attendance" }).ClickAsync();
        await ClerkData.BannerAsync(page, "Attendance saved: 2 present");

        // A declaration of interest, by a member, in the report.
        await page.GetByRole(AriaRole.Link, new() { Name = "Declarations of interest", Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByLabel("Member", new() { Exact = true }).Locator("option", new() { HasTextString = officer.Name })).ToHaveCountAsync(0);
        await page.GetByLabel("Member", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = member.Name });
        await page.GetByLabel("Item", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "3. Police and Crime Plan Performance Report" });
        await page.GetByLabel("Kind of interest").SelectOptionAsync("personal");
        await page.GetByLabel("Interest declared").FillAsync("A member of the Derbyshire Fire and Rescue Authority.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Record the declaration" }).ClickAsync();
        await ClerkData.BannerAsync(page, $"Declaration by {member.Name} recorded");
        await Assertions.Expect(page.Locator("table")).ToContainTextAsync("Personal interest");
        await clerk.AssertAccessibleAsync();
        await clerk.ScreenshotAsync("declarations");

        // Minutes of two items, numbered by the API in agenda order, one with a resolution.
        await page.GetByRole(AriaRole.Link, new() { Name = "Back to the meeting" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Minutes and resolutions" }).ClickAsync();
        var report = page.GetByRole(AriaRole.Group, new() { Name = "Item 3: Police and Crime Plan Performance Report" });
        await report.GetByLabel("Minute", new() { Exact = true }).FillAsync("The Commissioner presented the performance report.");
        await report.GetByLabel("Resolutions (optional)").FillAsync("to note the report");
        await page.GetByRole(AriaRole.Group, new() { Name = "Item 1: Apologies for Absence" }).GetByLabel("Minute", new() { Exact = true })
            .FillAsync("There were no apologies for absence.");
        await clerk.AssertAccessibleAsync();
        await clerk.ScreenshotAsync("draft-minutes");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save the draft minutes" }).ClickAsync();
        await ClerkData.BannerAsync(page, "drafted");
        var titles = await page.Locator(".govuk-summary-card__title").AllInnerTextsAsync();
        Assert.Equal(2, titles.Count);
        var numbers = titles.Select(t => MinuteNumber().Match(t).Value).ToList();
        var year = (past.Year % 100).ToString("00", System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal([$"01/{year}", $"02/{year}"], numbers);
        Assert.EndsWith("Apologies for Absence", titles[0], StringComparison.Ordinal);
        await Assertions.Expect(page.Locator(".govuk-summary-card").Nth(1)).ToContainTextAsync("RESOLVED to note the report");
        await clerk.AssertAccessibleAsync();

        await page.GetByRole(AriaRole.Link, new() { Name = $"Change minute {numbers[1]}" }).ClickAsync();
        await page.GetByLabel("Add a resolution").FillAsync("that the Commissioner reports on rural crime at the next meeting");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add the resolution" }).ClickAsync();
        await ClerkData.BannerAsync(page, $"Resolution added to minute {numbers[1]}");
        await clerk.AssertAccessibleAsync();
        await clerk.ScreenshotAsync("minute");
        await page.GetByRole(AriaRole.Link, new() { Name = "Back to the minutes" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Publish the minutes" }).ClickAsync();
        await ClerkData.BannerAsync(page, "Minutes published");

        // Someone else adds an item while the clerk has the agenda open: the clerk's move is refused, plainly.
        await clerk.GoToAsync($"/console/meetings/{meeting}/agenda");
        var added = (await ExpectAsync(await api.PostAsJsonAsync($"/api/meetings/meetings/{meeting}/items",
            new { number = "4", title = $"Any Other Business {suffix}", kind = "any-other-business", part = "part-i" }), HttpStatusCode.Created)).GetProperty("id").GetGuid();
        await page.GetByRole(AriaRole.Button, new() { Name = "Move down Apologies for Absence" }).ClickAsync();
        await Assertions.Expect(page.Locator(".govuk-error-summary")).ToContainTextAsync("Not saved: Items have been added to or removed from this agenda since it was loaded");
        await clerk.AssertAccessibleAsync();
        await clerk.ScreenshotAsync("conflict");
        await page.GetByRole(AriaRole.Link, new() { Name = $"Delete Any Other Business {suffix}" }).ClickAsync();
        await clerk.AssertAccessibleAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Delete the item" }).ClickAsync();
        await ClerkData.BannerAsync(page, "Item 4 deleted");
        await Assertions.Expect(page.Locator($"#item-{added}")).ToHaveCountAsync(0);

        // A document deleted after asking.
        var content = new ByteArrayContent("%PDF-1.4\n1 0 obj << /Type /Page >> endobj\n%%EOF\n"u8.ToArray());
        content.Headers.ContentType = new("application/pdf");
        await ExpectAsync(await api.PostAsync($"/api/meetings/meetings/{meeting}/documents?title=Draft%20minutes%20{suffix}&kind=minutes", content), HttpStatusCode.Created);
        await clerk.GoToAsync($"/console/meetings/{meeting}/documents");
        await page.GetByRole(AriaRole.Link, new() { Name = $"Delete Draft minutes {suffix}" }).ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync($"Are you sure you want to delete Draft minutes {suffix}?");
        await page.GetByRole(AriaRole.Button, new() { Name = "Delete the document" }).ClickAsync();
        await ClerkData.BannerAsync(page, $"Draft minutes {suffix} deleted");

        // The next meeting confirms them by a minute of its own.
        await ExpectAsync(await api.PostAsJsonAsync($"/api/meetings/meetings/{later}/agenda/publish", new { urgencyReason = "Recorded after the event" }), HttpStatusCode.OK);
        await ExpectAsync(await api.PostAsJsonAsync($"/api/meetings/meetings/{later}/held", new { }), HttpStatusCode.OK);
        var confirming = (await ExpectAsync(await api.PostAsJsonAsync($"/api/meetings/meetings/{later}/minutes/draft",
            new { entries = new[] { new { title = "Minutes of the previous meeting", text = "The minutes were confirmed as a correct record." } } }), HttpStatusCode.OK))[0]
            .GetProperty("number").GetString()!;
        await clerk.GoToAsync($"/console/meetings/{meeting}/minutes");
        await page.GetByLabel("Meeting that confirmed them").SelectOptionAsync(later.ToString());
        await page.GetByLabel("Minute of that meeting").FillAsync(confirming);
        await page.GetByRole(AriaRole.Button, new() { Name = "Confirm the minutes" }).ClickAsync();
        await ClerkData.BannerAsync(page, $"Minutes confirmed as a correct record by minute {confirming}");
        await Assertions.Expect(page.Locator(".govuk-summary-list").First).ToContainTextAsync("Confirmed");
        await clerk.AssertAccessibleAsync();
        await clerk.ScreenshotAsync("confirmed");

        // A meeting to come: rescheduled with a reason, then cancelled with one.
        await clerk.GoToAsync($"/console/meetings/{toCome}");
        await page.GetByRole(AriaRole.Button, new() { Name = "Reschedule" }).ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Reschedule the meeting");
        await page.GetByLabel("Start time").FillAsync("2pm");
        await page.GetByLabel("Reason for rescheduling").FillAsync("The Council Chamber is needed for the county election count.");
        await clerk.AssertAccessibleAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Reschedule the meeting" }).ClickAsync();
        await ClerkData.BannerAsync(page, "Meeting rescheduled");
        await Assertions.Expect(page.Locator(".govuk-summary-list").First).ToContainTextAsync("at 2pm");
        await Assertions.Expect(page.Locator(".govuk-summary-list").First).ToContainTextAsync("The Council Chamber is needed");
        await page.GetByRole(AriaRole.Button, new() { Name = "Cancel the meeting" }).ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Cancel the meeting");
        await page.GetByRole(AriaRole.Button, new() { Name = "Cancel the meeting" }).ClickAsync();
        await Assertions.Expect(page.Locator(".govuk-error-summary")).ToContainTextAsync("Enter why the meeting is cancelled");
        await page.GetByLabel("Reason for cancelling").FillAsync("The business will be taken at the next Panel meeting.");
        await clerk.AssertAccessibleAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Cancel the meeting" }).ClickAsync();
        await ClerkData.BannerAsync(page, "Meeting cancelled");
        await Assertions.Expect(page.Locator(".govuk-summary-list").First).ToContainTextAsync("Cancelled");
        await clerk.ScreenshotAsync("cancelled");
        clerk.AssertOnlyTheGatewayWasAsked();

        // What the API now holds.
        var record = await ExpectAsync(await api.GetAsync($"/api/meetings/meetings/{meeting}"), HttpStatusCode.OK);
        Assert.Equal("minutes-confirmed", record.GetProperty("status").GetString());
        var attendance = record.GetProperty("attendance").EnumerateArray().ToDictionary(a => a.GetProperty("personId").GetGuid(), a => a.GetProperty("kind").GetString());
        Assert.Equal(new Dictionary<Guid, string?> { [chair.Id] = "in-the-chair", [member.Id] = "present", [officer.Id] = "officer-present" }, attendance);
        Assert.Equal(member.Id, Assert.Single(record.GetProperty("declarations").EnumerateArray()).GetProperty("personId").GetGuid());
        Assert.Equal(2, record.GetProperty("minutes")[1].GetProperty("resolutions").GetArrayLength());
        Assert.Equal("cancelled", (await ExpectAsync(await api.GetAsync($"/api/meetings/meetings/{toCome}"), HttpStatusCode.OK)).GetProperty("status").GetString());
    }
}
