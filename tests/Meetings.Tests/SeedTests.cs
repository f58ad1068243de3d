using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Ical.Net;
using PanelPlatform.Meetings.Endpoints;
using PanelPlatform.ServiceDefaults.Auth;
using PanelPlatform.TestInfrastructure;

namespace PanelPlatform.Meetings.Tests;

/// <summary>The Meetings service with the development seed endpoint on, seeded once through it by a clerk.</summary>
public sealed class SeededMeetings(PlatformInfrastructure infrastructure) : MeetingsService(infrastructure)
{
    public const string Panel = "derbyshire-police-and-crime-panel";
    public const string Scrutiny = "performance-scrutiny-meeting";

    protected override IReadOnlyDictionary<string, string?>? Settings =>
        new Dictionary<string, string?> { [SeedEndpoints.EnableSetting] = "true" };

    public JsonElement FirstLoad { get; private set; }

    public async Task<Guid> MeetingOn(string body, string date)
    {
        var list = await Client().GetFromJsonAsync<JsonElement>($"/api/meetings/meetings?body={body}&limit=200");
        return list.GetProperty("items").EnumerateArray()
            .Single(m => m.GetProperty("startsAt").GetString()!.StartsWith(date, StringComparison.Ordinal)).GetProperty("id").GetGuid();
    }

    public async Task SeedAsync()
    {
        if (FirstLoad.ValueKind == JsonValueKind.Undefined)
        {
            FirstLoad = await Api.Read(await Client(Roles.Clerk).PostAsync("/api/meetings/dev/seed", null), HttpStatusCode.OK);
        }
    }
}

/// <summary>The Derbyshire fixture, loaded through the dev endpoint, read back as the issue's acceptance asks.</summary>
public sealed class SeedTests(SeededMeetings meetings) : IClassFixture<SeededMeetings>, IAsyncLifetime
{
    public async ValueTask InitializeAsync() => await meetings.SeedAsync();

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    [Fact]
    public async Task The_17_November_2022_agenda_is_in_order_with_its_minute_numbers()
    {
        var id = await meetings.MeetingOn(SeededMeetings.Panel, "2022-11-17");

        var page = await Api.Read(await meetings.Client().GetAsync($"/api/meetings/meetings/{id}"), HttpStatusCode.OK);

        Assert.Equal("2022-11-17T10:00:00+00:00", page.GetProperty("startsAt").GetString());
        Assert.Equal("Council Chamber, County Hall, Matlock", page.GetProperty("location").GetString());
        var items = page.GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(Enumerable.Range(1, 12).Select(n => n.ToString(System.Globalization.CultureInfo.InvariantCulture)), items.Select(i => i.GetProperty("number").GetString()));
        Assert.Equal(
            ["Apologies for Absence", "Declarations of Interest", "Minutes", "Review of the Police and Crime Plan 2021-2025",
             "Interim update on delivery against Police and Crime Plan", "Tackling Burglary", "Violence against Women and Girls",
             "Member questions to the PCC", "Announcements from the PCC", "Forthcoming Events", "Work Programme", "Date of Next Meeting - 26 January 2023"],
            items.Select(i => i.GetProperty("title").GetString()));
        Assert.Equal(JsonValueKind.Null, items[0].GetProperty("minuteNumber").ValueKind);
        Assert.Equal(Enumerable.Range(39, 11).Select(n => $"{n}/22"), items.Skip(1).Select(i => i.GetProperty("minuteNumber").GetString()));
        var review = items[3];
        Assert.Equal("41/22", review.GetProperty("minuteNumber").GetString());
        Assert.Equal((9, 28), (review.GetProperty("pageFrom").GetInt32(), review.GetProperty("pageTo").GetInt32()));
        Assert.Equal("Police and Crime Commissioner for Derbyshire", review.GetProperty("report").GetProperty("reportBy").GetString());
        Assert.Equal("2022-11-09T09:00:00+00:00", page.GetProperty("agendaPublishedAt").GetString());
        Assert.False(page.GetProperty("agendaPublishedLate").GetBoolean());
        Assert.Equal("2023-01-26T10:00:00+00:00", page.GetProperty("nextMeeting").GetProperty("startsAt").GetString());
        Assert.Equal(
            ["32/22", "37/22"],
            page.GetProperty("mattersArising").EnumerateArray().Select(a => a.GetProperty("minuteNumber").GetString()));
    }

    [Fact]
    public async Task The_seeded_meetings_and_items_carry_the_ids_the_Questions_seed_files_its_questions_under()
    {
        var november = await meetings.MeetingOn(SeededMeetings.Panel, "2022-11-17");
        var vawg = await meetings.MeetingOn(SeededMeetings.Scrutiny, "2023-11-08");

        // uuid5(NAMESPACE_URL, "https://panel-platform.uk/meetings/{body}/{date}[/items/{number}]"), as in questions-seed.json.
        Assert.Equal(new Guid("c7da0146-c969-5674-b210-940ab4947123"), november);
        Assert.Equal(new Guid("4a391f1c-752f-5fda-ab49-7c1c286d831f"), vawg);
        var page = await Api.Read(await meetings.Client().GetAsync($"/api/meetings/meetings/{november}"), HttpStatusCode.OK);
        var memberQuestions = page.GetProperty("items").EnumerateArray().Single(i => i.GetProperty("number").GetString() == "8");
        Assert.Equal(new Guid("94c4c687-6d36-54c7-8a1f-e514635c4763"), memberQuestions.GetProperty("id").GetGuid());
    }

    [Fact]
    public async Task Minute_41_22_is_the_Review_of_the_Police_and_Crime_Plan()
    {
        var minute = await Api.Read(await meetings.Client().GetAsync($"/api/meetings/bodies/{SeededMeetings.Panel}/minutes?number=41/22"), HttpStatusCode.OK);

        Assert.Equal("Review of the Police and Crime Plan 2021-2025", minute.GetProperty("title").GetString());
        Assert.Equal("RESOLVED to note the changes as detailed in the PCC’s report.", minute.GetProperty("resolutions")[0].GetProperty("text").GetString());
    }

    [Fact]
    public async Task The_minutes_of_8_September_2022_are_confirmed_by_40_22_with_their_attendance()
    {
        var september = await meetings.MeetingOn(SeededMeetings.Panel, "2022-09-08");
        var november = await meetings.MeetingOn(SeededMeetings.Panel, "2022-11-17");

        var page = await Api.Read(await meetings.Client().GetAsync($"/api/meetings/meetings/{september}"), HttpStatusCode.OK);

        Assert.Equal("minutes-confirmed", page.GetProperty("status").GetString());
        Assert.Equal("40/22", page.GetProperty("minutesConfirmedBy").GetProperty("minuteNumber").GetString());
        Assert.Equal(november, page.GetProperty("minutesConfirmedBy").GetProperty("meetingId").GetGuid());
        Assert.Equal(Enumerable.Range(27, 12).Select(n => $"{n}/22"), page.GetProperty("minutes").EnumerateArray().Select(m => m.GetProperty("number").GetString()));
        var attendance = page.GetProperty("attendance").EnumerateArray().ToList();
        Assert.Equal("V Newbury", attendance.Single(a => a.GetProperty("kind").GetString() == "in-the-chair").GetProperty("name").GetString());
        Assert.Equal(13, attendance.Count(a => a.GetProperty("kind").GetString() == "present"));
        Assert.Equal(["Councillor M Dooley", "Councillor M Eyre", "Councillor D Watson", "Dr S Handsley"],
            attendance.Where(a => a.GetProperty("kind").GetString() == "apologies").Select(a => a.GetProperty("name").GetString()));
        // Confirmed: the record is closed.
        var minute = page.GetProperty("minutes")[0].GetProperty("id").GetGuid();
        await Api.Read(await meetings.Client(Roles.Clerk).PutAsJsonAsync($"/api/meetings/minutes/{minute}", new { title = "x", text = "y" }), HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task The_Panel_calendar_lists_the_next_meeting_of_26_January_2023()
    {
        var text = await meetings.Client().GetStringAsync($"/api/meetings/bodies/{SeededMeetings.Panel}/calendar.ics");

        var calendar = Calendar.Load(text)!;
        var january = Assert.Single(calendar.Events, e => e.DtStart!.Date == new DateOnly(2023, 1, 26));
        Assert.Equal("Europe/London", january.DtStart!.TzId);
        Assert.Equal(new DateTime(2023, 1, 26, 10, 0, 0, DateTimeKind.Utc), january.DtStart.AsUtc);
        Assert.Equal("Derbyshire Police and Crime Panel", january.Summary);
        foreach (var date in new[] { new DateOnly(2022, 9, 8), new DateOnly(2022, 11, 17) })
        {
            Assert.Single(calendar.Events, e => e.DtStart!.Date == date);
        }
        Assert.Single(calendar.TimeZones, z => z.TzId == "Europe/London");
        // 8 September 2022 was in British Summer Time: 10.00 am there is 09:00 UTC.
        Assert.Equal(new DateTime(2022, 9, 8, 9, 0, 0, DateTimeKind.Utc), calendar.Events.Single(e => e.DtStart!.Date == new DateOnly(2022, 9, 8)).DtStart!.AsUtc);
    }

    [Fact]
    public async Task The_scrutiny_meetings_carry_their_agendas_and_report_metadata()
    {
        var id = await meetings.MeetingOn(SeededMeetings.Scrutiny, "2023-11-08");

        var page = await Api.Read(await meetings.Client().GetAsync($"/api/meetings/meetings/{id}"), HttpStatusCode.OK);

        Assert.True(page.GetProperty("isVirtual").GetBoolean());
        Assert.Equal("2023-11-08T10:30:00+00:00", page.GetProperty("startsAt").GetString());
        var items = page.GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(5, items.Count);
        Assert.Equal("public-questions", items[4].GetProperty("kind").GetString());
        var report = items[3].GetProperty("report");
        Assert.Equal("Chief Constable", report.GetProperty("reportBy").GetString());
        Assert.Equal("2023-11-08", report.GetProperty("date").GetString());
        Assert.Equal("C/Supt Hayley Barnett", report.GetProperty("contactName").GetString());
        Assert.Equal("pamenquiries@derbyshire.police.uk", report.GetProperty("contactEmail").GetString());
        Assert.StartsWith("To determine if the Commissioner can gain direct assurance", report.GetProperty("recommendations").GetString(), StringComparison.Ordinal);
        var march = await Api.Read(await meetings.Client().GetAsync($"/api/meetings/meetings/{await meetings.MeetingOn(SeededMeetings.Scrutiny, "2023-03-21")}"), HttpStatusCode.OK);
        Assert.Equal(6, march.GetProperty("items").GetArrayLength());
        Assert.Equal("2023-03-21T13:30:00+00:00", march.GetProperty("startsAt").GetString());
    }

    [Fact]
    public async Task Seeding_again_adds_nothing()
    {
        var first = meetings.FirstLoad;
        Assert.Equal(5, first.GetProperty("meetings").GetInt32());
        Assert.Equal(2, first.GetProperty("bodies").GetInt32());
        var before = await meetings.CountsAsync();

        var again = await Api.Read(await meetings.Client(Roles.Admin).PostAsync("/api/meetings/dev/seed", null), HttpStatusCode.OK);

        Assert.All(again.EnumerateObject(), p => Assert.Equal(0, p.Value.GetInt32()));
        Assert.Equal(before, await meetings.CountsAsync());
    }

    [Fact]
    public async Task The_seed_endpoint_needs_a_clerk()
    {
        Assert.Equal(HttpStatusCode.Unauthorized, (await meetings.Client().PostAsync("/api/meetings/dev/seed", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await meetings.Client(Roles.PanelMember).PostAsync("/api/meetings/dev/seed", null)).StatusCode);
    }

    [Fact]
    public async Task New_minutes_follow_on_from_the_seeded_numbers()
    {
        var api = new Api(meetings);
        // Minuted after 49/22 though it met in July: numbers follow the order of drafting within the year.
        var july = await api.Meeting(SeededMeetings.Panel, new DateTimeOffset(2022, 7, 14, 9, 0, 0, TimeSpan.Zero), "Police and Crime Panel (extraordinary)");
        var item = await api.Item(july, "1", "Complaints Working Group");
        await api.Hold(july);

        var drafted = await api.Draft(july, new { itemId = item, text = "The Panel considered the terms of reference." });

        Assert.Equal("50/22", drafted[0].GetProperty("number").GetString());
    }

    [Fact]
    public async Task The_seeded_bodies_read_through_OParl()
    {
        var system = await meetings.Client().GetFromJsonAsync<JsonElement>("/api/meetings/oparl/v1/system");
        Assert.Equal("https://schema.oparl.org/1.1/System", system.GetProperty("type").GetString());
        var bodies = await meetings.Client().GetFromJsonAsync<JsonElement>(system.GetProperty("body").GetString());
        var panel = bodies.GetProperty("data").EnumerateArray().Single(b => b.GetProperty("name").GetString() == "Derbyshire Police and Crime Panel");
        Assert.Equal(0, panel.GetProperty("legislativeTerm").GetArrayLength());

        var persons = await meetings.Client().GetFromJsonAsync<JsonElement>(panel.GetProperty("person").GetString() + "?limit=5");
        Assert.Equal(22, persons.GetProperty("pagination").GetProperty("totalElements").GetInt32());
        Assert.Equal(5, persons.GetProperty("pagination").GetProperty("totalPages").GetInt32());
        Assert.Equal(5, persons.GetProperty("data").GetArrayLength());
        Assert.False(persons.GetProperty("links").TryGetProperty("prev", out _));
        var next = await meetings.Client().GetFromJsonAsync<JsonElement>(persons.GetProperty("links").GetProperty("next").GetString());
        Assert.Equal(2, next.GetProperty("pagination").GetProperty("currentPage").GetInt32());
        Assert.True(next.GetProperty("links").TryGetProperty("prev", out _));

        var dhindsa = persons.GetProperty("data").EnumerateArray().Concat(next.GetProperty("data").EnumerateArray())
            .Concat((await meetings.Client().GetFromJsonAsync<JsonElement>(panel.GetProperty("person").GetString() + "?limit=200")).GetProperty("data").EnumerateArray())
            .First(p => p.GetProperty("name").GetString() == "Councillor H Dhindsa");
        var membership = dhindsa.GetProperty("membership")[0];
        Assert.Equal("Co-opted Member", membership.GetProperty("role").GetString());
        Assert.Equal("Derby City Council", membership.GetProperty("panel:council").GetString());
        Assert.Equal("2022-09-08", membership.GetProperty("startDate").GetString());

        var meetingsList = await meetings.Client().GetFromJsonAsync<JsonElement>(panel.GetProperty("meeting").GetString());
        var november = meetingsList.GetProperty("data").EnumerateArray().Single(m => m.GetProperty("start").GetString() == "2022-11-17T10:00:00+00:00");
        Assert.Equal("https://schema.oparl.org/1.1/Meeting", november.GetProperty("type").GetString());
        var agenda = november.GetProperty("agendaItem").EnumerateArray().ToList();
        Assert.Equal(12, agenda.Count);
        Assert.Equal("Review of the Police and Crime Plan 2021-2025", agenda[3].GetProperty("name").GetString());
        Assert.Equal("41/22", agenda[3].GetProperty("panel:minuteNumber").GetString());
        Assert.True(agenda[3].GetProperty("public").GetBoolean());
        var self = await meetings.Client().GetFromJsonAsync<JsonElement>(november.GetProperty("id").GetString());
        Assert.Equal(november.GetProperty("id").GetString(), self.GetProperty("id").GetString());

        var papers = await meetings.Client().GetFromJsonAsync<JsonElement>(panel.GetProperty("paper").GetString());
        Assert.Contains(papers.GetProperty("data").EnumerateArray(), p => p.GetProperty("name").GetString() == "Tackling Burglary");
    }
}
