using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using PanelPlatform.ServiceDefaults.Auth;

namespace PanelPlatform.Meetings.Tests;

/// <summary>Documents, memberships and declarations, panel decisions, actions, attendance, work programme and forthcoming events over HTTP.</summary>
public sealed class RecordTests(MeetingsService meetings) : IClassFixture<MeetingsService>
{
    private readonly Api _api = new(meetings);

    private static byte[] Pdf(int pages)
    {
        var text = new StringBuilder("%PDF-1.4\n1 0 obj << /Type /Pages /Count ").Append(pages).Append(" >> endobj\n");
        for (var i = 0; i < pages; i++)
        {
            text.Append(i + 2).Append(" 0 obj << /Type /Page /Parent 1 0 R >> endobj\n");
        }

        // Padding makes the file large enough to be streamed in many chunks.
        text.Append('%', 3 * 1024 * 1024).Append("\n%%EOF\n");
        return Encoding.ASCII.GetBytes(text.ToString());
    }

    [Fact]
    public async Task A_document_is_stored_with_its_metadata_and_streamed_back_byte_for_byte()
    {
        var body = await _api.Body();
        var meeting = await _api.Meeting(body, new DateTimeOffset(2022, 11, 17, 10, 0, 0, TimeSpan.Zero));
        var item = await _api.Item(meeting, "4", "Review of the Police and Crime Plan 2021-2025");
        await _api.Post($"/api/meetings/meetings/{meeting}/agenda/publish", new { urgencyReason = "Recorded after the event" });
        var file = Pdf(20);

        var content = new ByteArrayContent(file);
        content.Headers.ContentType = new("application/pdf");
        var created = await Api.Read(await _api.Clerk.PostAsync(
            $"/api/meetings/meetings/{meeting}/documents?itemId={item}&kind=appendix&title={Uri.EscapeDataString("Appendix A - Police and Crime Plan 2021-2025")}", content), HttpStatusCode.Created);

        Assert.Equal("application/pdf", created.GetProperty("contentType").GetString());
        Assert.Equal(file.LongLength, created.GetProperty("sizeBytes").GetInt64());
        Assert.Equal(20, created.GetProperty("pageCount").GetInt32());
        Assert.Equal("appendix", created.GetProperty("kind").GetString());
        Assert.Equal("appendix-a-police-and-crime-plan-2021-2025.pdf", created.GetProperty("fileName").GetString());
        var download = await meetings.Client().GetAsync(created.GetProperty("downloadUrl").GetString(), HttpCompletionOption.ResponseHeadersRead);
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal("application/pdf", download.Content.Headers.ContentType?.MediaType);
        Assert.Equal(file.LongLength, download.Content.Headers.ContentLength);
        Assert.Equal("appendix-a-police-and-crime-plan-2021-2025.pdf", download.Content.Headers.ContentDisposition?.FileNameStar ?? download.Content.Headers.ContentDisposition?.FileName);
        Assert.Equal(SHA256.HashData(file), SHA256.HashData(await download.Content.ReadAsByteArrayAsync()));

        var page = await _api.Page(meeting);
        Assert.Equal(created.GetProperty("id").GetGuid(), page.GetProperty("items")[0].GetProperty("documents")[0].GetProperty("id").GetGuid());
        var oparlFile = await Api.Read(await meetings.Client().GetAsync($"/api/meetings/oparl/v1/files/{created.GetProperty("id").GetGuid()}"), HttpStatusCode.OK);
        Assert.Equal(file.LongLength, oparlFile.GetProperty("size").GetInt64());
        Assert.Equal("application/pdf", oparlFile.GetProperty("mimeType").GetString());
    }

    [Fact]
    public async Task Documents_without_a_media_type_or_content_are_refused_and_store_nothing()
    {
        var body = await _api.Body();
        var meeting = await _api.Meeting(body, new DateTimeOffset(2031, 1, 26, 10, 0, 0, TimeSpan.Zero));
        var before = await meetings.CountsAsync();

        var noType = new ByteArrayContent([1, 2, 3]);
        await Api.Read(await _api.Clerk.PostAsync($"/api/meetings/meetings/{meeting}/documents?title=Agenda", noType), HttpStatusCode.BadRequest);
        await Api.Read(await _api.Clerk.PostAsync($"/api/meetings/meetings/{meeting}/documents?title=Agenda", new StringContent("", Encoding.UTF8, "text/plain")), HttpStatusCode.BadRequest);
        await Api.Read(await _api.Clerk.PostAsync($"/api/meetings/meetings/{meeting}/documents?title=Agenda&kind=dossier", new StringContent("x", Encoding.UTF8, "text/plain")), HttpStatusCode.BadRequest);
        await Api.Read(await _api.Clerk.PostAsync($"/api/meetings/meetings/{meeting}/documents?title=Agenda&itemId={Guid.NewGuid()}", new StringContent("x", Encoding.UTF8, "text/plain")), HttpStatusCode.UnprocessableEntity);
        await Api.Read(await _api.Clerk.PostAsync($"/api/meetings/meetings/{Guid.NewGuid()}/documents?title=Agenda", new StringContent("x", Encoding.UTF8, "text/plain")), HttpStatusCode.NotFound);

        Assert.Equal(before, await meetings.CountsAsync());
        Assert.Equal(0, await meetings.QueryAsync(db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.CountAsync(db.Documents, d => d.MeetingId == meeting)));
    }

    [Fact]
    public async Task Only_members_of_the_body_on_the_meeting_date_may_declare_an_interest()
    {
        var body = await _api.Body();
        var member = await _api.Member(body, "Councillor H Dhindsa", "co-opted-member", "2022-09-08", council: "Derby City Council");
        var former = await _api.Member(body, "Councillor M Dooley", "member", "2022-06-23", "2022-11-16", "Bolsover District Council");
        var officer = await _api.Member(body, "Ivan Walters", "officer", "2022-06-23");
        var stranger = await _api.Person("Angelique Foster");
        var meeting = await _api.Meeting(body, new DateTimeOffset(2022, 11, 17, 10, 0, 0, TimeSpan.Zero));
        var item = await _api.Item(meeting, "6", "Tackling Burglary");

        var made = await _api.Post($"/api/meetings/meetings/{meeting}/declarations", new { personId = member, itemId = item, kind = "other-registrable", detail = "Member of Derby City Council's community safety partnership" }, HttpStatusCode.Created);
        Assert.Equal("Councillor H Dhindsa", made.GetProperty("personName").GetString());
        foreach (var person in new[] { former, officer, stranger })
        {
            var problem = await Api.Read(await _api.Clerk.PostAsJsonAsync($"/api/meetings/meetings/{meeting}/declarations", new { personId = person, kind = "personal", detail = "x" }), HttpStatusCode.UnprocessableEntity);
            Assert.Equal("https://panel-platform.uk/problems/declarant-not-a-member", problem.GetProperty("type").GetString());
        }

        var listed = await Api.Read(await meetings.Client().GetAsync($"/api/meetings/meetings/{meeting}/declarations"), HttpStatusCode.OK);
        Assert.Equal(1, listed.GetArrayLength());
    }

    [Fact]
    public async Task Memberships_name_one_of_the_ten_councils_and_list_by_date()
    {
        var body = await _api.Body();
        var person = await _api.Person("Councillor G Potter");

        var bad = await Api.Read(await _api.Clerk.PostAsJsonAsync($"/api/meetings/bodies/{body}/memberships", new { personId = person, role = "member", startsOn = "2022-06-23", council = "Nottingham City Council" }), HttpStatusCode.BadRequest);
        Assert.True(bad.GetProperty("errors").TryGetProperty("council", out _));
        var backwards = await Api.Read(await _api.Clerk.PostAsJsonAsync($"/api/meetings/bodies/{body}/memberships", new { personId = person, role = "member", startsOn = "2022-06-23", endsOn = "2022-01-01" }), HttpStatusCode.BadRequest);
        Assert.True(backwards.GetProperty("errors").TryGetProperty("endsOn", out _));
        await _api.Post($"/api/meetings/bodies/{body}/memberships", new { personId = person, role = "vice-chair", startsOn = "2022-06-23", endsOn = "2023-05-01", council = "derby city council" }, HttpStatusCode.Created);

        var inOffice = await Api.Read(await meetings.Client().GetAsync($"/api/meetings/bodies/{body}/memberships?on=2022-11-17"), HttpStatusCode.OK);
        var later = await Api.Read(await meetings.Client().GetAsync($"/api/meetings/bodies/{body}/memberships?on=2023-06-01"), HttpStatusCode.OK);
        var entry = Assert.Single(inOffice.GetProperty("items").EnumerateArray());
        Assert.Equal("Derby City Council", entry.GetProperty("council").GetString());
        Assert.Equal("vice-chair", entry.GetProperty("role").GetString());
        Assert.Empty(later.GetProperty("items").EnumerateArray());
        await Api.Read(await _api.Clerk.DeleteAsync($"/api/meetings/people/{person}"), HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task A_precept_veto_needs_two_thirds_of_the_members_in_office_not_of_those_present()
    {
        var body = await _api.Body();
        var members = new List<Guid>();
        for (var i = 1; i <= 15; i++)
        {
            members.Add(await _api.Member(body, $"Councillor {i}", i == 1 ? "chair" : "member", "2022-06-23"));
        }

        await _api.Member(body, "Councillor who left", "member", "2021-05-01", "2022-12-31");
        var officer = await _api.Member(body, "Ivan Walters", "officer", "2022-06-23");
        var meeting = await _api.Meeting(body, new DateTimeOffset(2023, 2, 6, 10, 0, 0, TimeSpan.Zero), "Police and Crime Panel - precept");
        await _api.Hold(meeting);

        // All nine in the room vote to veto: 9 of 15 in office is short of 10.
        var nine = await _api.Post($"/api/meetings/meetings/{meeting}/decisions", new
        {
            kind = "precept-review", motion = "veto", subject = "Proposed precept 2023/24",
            votes = members.Take(9).Select(m => new { personId = m, vote = "for" }),
        }, HttpStatusCode.Created);
        Assert.Equal("veto-not-carried", nine.GetProperty("decision").GetProperty("outcome").GetString());
        Assert.Equal(15, nine.GetProperty("decision").GetProperty("membersInOffice").GetInt32());
        Assert.Equal(10, nine.GetProperty("vetoThreshold").GetInt32());

        var ten = await _api.Post($"/api/meetings/meetings/{meeting}/decisions", new
        {
            kind = "senior-appointment", motion = "veto", subject = "Proposed appointment of the Chief Constable",
            votes = members.Take(10).Select(m => new { personId = m, vote = "for" }).Append(new { personId = members[10], vote = "against" }),
        }, HttpStatusCode.Created);
        Assert.Equal("vetoed", ten.GetProperty("decision").GetProperty("outcome").GetString());
        Assert.Equal((10, 1), (ten.GetProperty("decision").GetProperty("votesFor").GetInt32(), ten.GetProperty("decision").GetProperty("votesAgainst").GetInt32()));

        var decision = ten.GetProperty("decision").GetProperty("id").GetGuid();
        await Api.Read(await _api.Clerk.PostAsJsonAsync($"/api/meetings/decisions/{decision}/report", new { reportedOn = "2023-02-01", responseDueOn = "2023-02-15" }), HttpStatusCode.UnprocessableEntity);
        var reported = await _api.Post($"/api/meetings/decisions/{decision}/report", new { reportedOn = "2023-02-07", responseDueOn = "2023-02-15" });
        Assert.Equal("2023-02-15", reported.GetProperty("decision").GetProperty("responseDueOn").GetString());

        var planVeto = await Api.Read(await _api.Clerk.PostAsJsonAsync($"/api/meetings/meetings/{meeting}/decisions", new
        {
            kind = "plan-variation-review", motion = "veto", subject = "Variation of the Police and Crime Plan",
            votes = members.Select(m => new { personId = m, vote = "for" }),
        }), HttpStatusCode.UnprocessableEntity);
        Assert.Equal("https://panel-platform.uk/problems/veto-not-available", planVeto.GetProperty("type").GetString());
        var officerVote = await Api.Read(await _api.Clerk.PostAsJsonAsync($"/api/meetings/meetings/{meeting}/decisions", new
        {
            kind = "precept-review", motion = "support", subject = "Proposed precept 2023/24",
            votes = new[] { new { personId = officer, vote = "for" } },
        }), HttpStatusCode.UnprocessableEntity);
        Assert.Equal("https://panel-platform.uk/problems/voter-not-a-member", officerVote.GetProperty("type").GetString());
        var page = await _api.Page(meeting);
        Assert.Equal(["veto-not-carried", "vetoed"], page.GetProperty("decisions").EnumerateArray().Select(d => d.GetProperty("outcome").GetString()));
    }

    [Fact]
    public async Task Actions_are_matters_arising_at_later_meetings_until_done()
    {
        var body = await _api.Body();
        var september = await _api.Meeting(body, new DateTimeOffset(2022, 9, 8, 9, 0, 0, TimeSpan.Zero));
        var november = await _api.Meeting(body, new DateTimeOffset(2022, 11, 17, 10, 0, 0, TimeSpan.Zero));
        var january = await _api.Meeting(body, new DateTimeOffset(2023, 1, 26, 10, 0, 0, TimeSpan.Zero));
        var item = await _api.Item(september, "12", "Work Programme - Discussion");
        await _api.Hold(september);
        var minute = (await _api.Draft(september, new { itemId = item, text = "Three working groups proposed." }))[0].GetProperty("id").GetGuid();
        var action = await _api.Post($"/api/meetings/minutes/{minute}/actions", new { what = "Ask members to volunteer for the working groups", owner = "Democratic Services", dueOn = "2022-10-31" }, HttpStatusCode.Created);
        var id = action.GetProperty("id").GetGuid();
        Assert.Equal("01/22", action.GetProperty("minuteNumber").GetString());

        Assert.Single((await Api.Read(await meetings.Client(Roles.Clerk).GetAsync($"/api/meetings/meetings/{november}/matters-arising"), HttpStatusCode.OK)).EnumerateArray());
        Assert.Empty((await Api.Read(await meetings.Client(Roles.Clerk).GetAsync($"/api/meetings/meetings/{september}/matters-arising"), HttpStatusCode.OK)).EnumerateArray());
        var done = await _api.Put($"/api/meetings/actions/{id}", new { what = "Ask members to volunteer for the working groups", owner = "Democratic Services", status = "done" });
        Assert.Equal("done", done.GetProperty("status").GetString());
        Assert.NotEqual(JsonValueKind.Null, done.GetProperty("completedOn").ValueKind);
        // Done today, after both meetings: it was still arising at them (they predate its completion).
        Assert.Single((await Api.Read(await meetings.Client(Roles.Clerk).GetAsync($"/api/meetings/meetings/{january}/matters-arising"), HttpStatusCode.OK)).EnumerateArray());
        var future = await _api.Meeting(body, DateTimeOffset.UtcNow.AddDays(60));
        Assert.Empty((await Api.Read(await meetings.Client(Roles.Clerk).GetAsync($"/api/meetings/meetings/{future}/matters-arising"), HttpStatusCode.OK)).EnumerateArray());
        var open = await Api.Read(await meetings.Client(Roles.Clerk).GetAsync($"/api/meetings/bodies/{body}/actions?status=open"), HttpStatusCode.OK);
        Assert.Empty(open.EnumerateArray());
    }

    [Fact]
    public async Task Attendance_records_who_was_there_with_one_person_in_the_chair()
    {
        var body = await _api.Body();
        var chair = await _api.Member(body, "V Newbury", "chair");
        var present = await _api.Member(body, "Councillor G Potter", council: "Derby City Council");
        var apologies = await _api.Member(body, "Dr S Handsley", "independent-member");
        var commissioner = await _api.Person("Angelique Foster");
        var meeting = await _api.Meeting(body, new DateTimeOffset(2022, 9, 8, 9, 0, 0, TimeSpan.Zero));

        var twoChairs = await Api.Read(await _api.Clerk.PutAsJsonAsync($"/api/meetings/meetings/{meeting}/attendance", new
        {
            entries = new[] { new { personId = chair, kind = "in-the-chair" }, new { personId = present, kind = "in-the-chair" } },
        }), HttpStatusCode.BadRequest);
        Assert.True(twoChairs.GetProperty("errors").TryGetProperty("entries", out _));
        await Api.Read(await _api.Clerk.PutAsJsonAsync($"/api/meetings/meetings/{meeting}/attendance", new { entries = new[] { new { personId = Guid.NewGuid(), kind = "present" } } }), HttpStatusCode.UnprocessableEntity);

        var recorded = await _api.Put($"/api/meetings/meetings/{meeting}/attendance", new
        {
            entries = new object[]
            {
                new { personId = chair, kind = "in-the-chair" },
                new { personId = present, kind = "present", capacity = "Derby City Council" },
                new { personId = commissioner, kind = "also-present", capacity = "Derbyshire Police and Crime Commissioner" },
                new { personId = apologies, kind = "apologies", capacity = "Independent Member" },
            },
        });

        Assert.Equal(["in-the-chair", "present", "also-present", "apologies"], recorded.EnumerateArray().Select(a => a.GetProperty("kind").GetString()));
        var oparl = await Api.Read(await meetings.Client().GetAsync($"/api/meetings/oparl/v1/meetings/{meeting}"), HttpStatusCode.OK);
        Assert.Equal(2, oparl.GetProperty("participant").GetArrayLength());
    }

    [Fact]
    public async Task The_work_programme_and_forthcoming_events_are_kept_per_body()
    {
        var body = await _api.Body();
        var entry = await _api.Post($"/api/meetings/bodies/{body}/work-programme", new { topic = "Budget/Precept working group", description = "Terms of reference to be agreed", status = "proposed" }, HttpStatusCode.Created);
        var id = entry.GetProperty("id").GetGuid();
        await _api.Put($"/api/meetings/work-programme/{id}", new { topic = "Budget/Precept working group", plannedFor = "2023-01-26", status = "planned" });
        await _api.Post($"/api/meetings/bodies/{body}/forthcoming-events", new { title = "Community Speedwatch Seminar", on = "2031-11-19" }, HttpStatusCode.Created);
        await _api.Post($"/api/meetings/bodies/{body}/forthcoming-events", new { title = "Past briefing", on = "2022-11-24", location = "Police and Fire HQ" }, HttpStatusCode.Created);

        var programme = await Api.Read(await meetings.Client().GetAsync($"/api/meetings/bodies/{body}/work-programme"), HttpStatusCode.OK);
        var events = await Api.Read(await meetings.Client().GetAsync($"/api/meetings/bodies/{body}/forthcoming-events"), HttpStatusCode.OK);
        var since = await Api.Read(await meetings.Client().GetAsync($"/api/meetings/bodies/{body}/forthcoming-events?from=2022-11-01"), HttpStatusCode.OK);

        Assert.Equal("planned", programme[0].GetProperty("status").GetString());
        Assert.Equal("2023-01-26", programme[0].GetProperty("plannedFor").GetString());
        Assert.Equal(["Community Speedwatch Seminar"], events.EnumerateArray().Select(e => e.GetProperty("title").GetString()));
        Assert.Equal(2, since.GetArrayLength());
        Assert.Equal(HttpStatusCode.NoContent, (await _api.Clerk.DeleteAsync($"/api/meetings/work-programme/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await _api.Clerk.DeleteAsync($"/api/meetings/work-programme/{id}")).StatusCode);
    }

    [Fact]
    public async Task A_body_is_created_once_and_scheduling_by_name_reuses_it()
    {
        var name = $"Police and Crime Panel Complaints Sub-Committee {Guid.NewGuid():N}";
        var slug = await _api.Body(name, "working-group");
        await Api.Read(await _api.Clerk.PostAsJsonAsync("/api/meetings/bodies", new { name }), HttpStatusCode.Conflict);

        var byName = await _api.Post("/api/meetings/meetings", new { bodyName = name, title = "Sub-Committee", startsAt = "2031-02-02T10:00:00Z", isVirtual = true }, HttpStatusCode.Created);
        var unknown = await Api.Read(await _api.Clerk.PostAsJsonAsync("/api/meetings/meetings", new { bodySlug = "no-such-body", title = "x", startsAt = "2031-02-02T10:00:00Z", isVirtual = true }), HttpStatusCode.UnprocessableEntity);

        Assert.Equal(slug, byName.GetProperty("bodySlug").GetString());
        Assert.Equal("https://panel-platform.uk/problems/unknown-body", unknown.GetProperty("type").GetString());
        var read = await Api.Read(await meetings.Client().GetAsync($"/api/meetings/bodies/{slug}"), HttpStatusCode.OK);
        Assert.Equal("working-group", read.GetProperty("kind").GetString());
        Assert.Equal(5, read.GetProperty("noticeClearWorkingDays").GetInt32());
    }
}
