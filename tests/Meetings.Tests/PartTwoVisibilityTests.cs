using System.Net;
using System.Net.Http.Json;
using System.Text;
using PanelPlatform.ServiceDefaults.Auth;
using PanelPlatform.TestInfrastructure;

namespace PanelPlatform.Meetings.Tests;

/// <summary>
/// One meeting with a Part I and a Part II item, each with a report, a document, a minute with a resolution; a declaration
/// and an action on the Part II item; agenda and minutes published; a later meeting for matters arising.
/// </summary>
public sealed class PartTwoRecord(PlatformInfrastructure infrastructure) : IAsyncLifetime
{
    /// <summary>A word only the Part II material contains.</summary>
    public const string Secret = "Zanzibarquux";

    public MeetingsService Meetings { get; } = new(infrastructure);
    public string Body { get; private set; } = "";
    public Guid Meeting { get; private set; }
    public Guid Later { get; private set; }
    public Guid ExemptItem { get; private set; }
    public Guid ExemptDocument { get; private set; }
    public Guid ExemptMinute { get; private set; }
    public string ExemptMinuteNumber { get; private set; } = "";
    public Guid ExemptReport { get; private set; }

    public async ValueTask InitializeAsync()
    {
        await Meetings.InitializeAsync();
        var api = new Api(Meetings);
        Body = await api.Body();
        var member = await api.Member(Body, "Councillor H Dhindsa", "co-opted-member", "2022-09-08", council: "Derby City Council");
        Meeting = await api.Meeting(Body, new DateTimeOffset(2022, 11, 17, 10, 0, 0, TimeSpan.Zero));
        Later = await api.Meeting(Body, new DateTimeOffset(2023, 1, 26, 10, 0, 0, TimeSpan.Zero));
        var open = await api.Item(Meeting, "4", "Review of the Police and Crime Plan 2021-2025", kind: "report");
        ExemptItem = await api.Item(Meeting, "13", $"Complaint about the Commissioner {Secret}", "part-ii",
            $"Paragraph 1 of Schedule 12A to the Local Government Act 1972 {Secret}");
        await api.Put($"/api/meetings/items/{open}/report", new { title = "Review of the Police and Crime Plan 2021-2025", reportBy = "Police and Crime Commissioner for Derbyshire", date = "2022-11-17", purpose = "To inform the Panel of a proposed amendment to the Police and Crime Plan." });
        ExemptReport = (await api.Put($"/api/meetings/items/{ExemptItem}/report", new { title = $"Exempt report {Secret}", reportBy = "Monitoring Officer", date = "2022-11-17", purpose = $"Consider the complaint {Secret}", text = $"Details {Secret}" })).GetProperty("id").GetGuid();
        await Upload(api, open, "Review of the Police and Crime Plan 2021-2025", "The plan.");
        ExemptDocument = await Upload(api, ExemptItem, $"Complaint papers {Secret}", $"Confidential {Secret} papers.");
        await api.Post($"/api/meetings/meetings/{Meeting}/declarations", new { personId = member, itemId = ExemptItem, kind = "personal", detail = $"Knows the complainant {Secret}" }, HttpStatusCode.Created);
        await api.Hold(Meeting);
        var minutes = await api.Draft(Meeting,
            new { itemId = open, text = "The Commissioner informed the Panel of a proposed amendment to the Police and Crime Plan.", resolutions = new[] { "RESOLVED to note the changes as detailed in the PCC’s report." } },
            new { itemId = ExemptItem, text = $"The Panel considered the complaint {Secret}.", resolutions = new[] { $"RESOLVED to refer the complaint {Secret} to the IOPC." } });
        ExemptMinute = minutes[1].GetProperty("id").GetGuid();
        ExemptMinuteNumber = minutes[1].GetProperty("number").GetString()!;
        await api.Post($"/api/meetings/minutes/{ExemptMinute}/actions", new { what = $"Write to the complainant {Secret}", owner = "Monitoring Officer" }, HttpStatusCode.Created);
        await api.Post($"/api/meetings/minutes/{minutes[0].GetProperty("id").GetGuid()}/actions", new { what = "Publish the revised plan", owner = "OPCC" }, HttpStatusCode.Created);
        await api.Post($"/api/meetings/meetings/{Meeting}/minutes/publish", new { });
    }

    private static async Task<Guid> Upload(Api api, Guid itemId, string title, string text)
    {
        var meeting = (await Api.Read(await api.Clerk.GetAsync($"/api/meetings/items/{itemId}"), HttpStatusCode.OK)).GetProperty("meetingId").GetGuid();
        var response = await api.Clerk.PostAsync(
            $"/api/meetings/meetings/{meeting}/documents?itemId={itemId}&kind=report&title={Uri.EscapeDataString(title)}",
            new StringContent(text, Encoding.UTF8, "text/plain"));
        return (await Api.Read(response, HttpStatusCode.Created)).GetProperty("id").GetGuid();
    }

    public async ValueTask DisposeAsync() => await Meetings.DisposeAsync();
}

/// <summary>Part II items, their documents and minutes are absent for anyone but the clerk and Panel members, on every read path.</summary>
public sealed class PartTwoVisibilityTests(PartTwoRecord record) : IClassFixture<PartTwoRecord>
{
    public static TheoryData<string> Paths => new()
    {
        "/api/meetings/meetings/{meeting}",
        "/api/meetings/meetings?body={body}",
        "/api/meetings/meetings/{meeting}/items",
        "/api/meetings/items/{item}",
        "/api/meetings/items/{item}/report",
        "/api/meetings/meetings/{meeting}/documents",
        "/api/meetings/documents/{document}",
        "/api/meetings/documents/{document}/content",
        "/api/meetings/meetings/{meeting}/minutes",
        "/api/meetings/minutes/{minute}",
        "/api/meetings/bodies/{body}/minutes?number={number}",
        "/api/meetings/meetings/{meeting}/declarations",
        "/api/meetings/bodies/{body}/actions",
        "/api/meetings/meetings/{later}/matters-arising",
        "/api/meetings/meetings/{later}",
        "/api/meetings/search?q=" + PartTwoRecord.Secret,
        "/api/meetings/search?q=" + PartTwoRecord.Secret + "&body={body}",
        "/api/meetings/bodies/{body}/feed.rss",
        "/api/meetings/feed.rss",
        "/api/meetings/bodies/{body}/calendar.ics",
        "/api/meetings/oparl/v1/meetings/{meeting}",
        "/api/meetings/oparl/v1/bodies/{body}/meetings",
        "/api/meetings/oparl/v1/bodies/{body}/agendaItems",
        "/api/meetings/oparl/v1/agendaItems/{item}",
        "/api/meetings/oparl/v1/bodies/{body}/files",
        "/api/meetings/oparl/v1/files/{document}",
        "/api/meetings/oparl/v1/bodies/{body}/papers",
        "/api/meetings/oparl/v1/papers/{report}",
    };

    private string Expand(string path) => path
        .Replace("{meeting}", record.Meeting.ToString(), StringComparison.Ordinal)
        .Replace("{later}", record.Later.ToString(), StringComparison.Ordinal)
        .Replace("{body}", record.Body, StringComparison.Ordinal)
        .Replace("{item}", record.ExemptItem.ToString(), StringComparison.Ordinal)
        .Replace("{document}", record.ExemptDocument.ToString(), StringComparison.Ordinal)
        .Replace("{minute}", record.ExemptMinute.ToString(), StringComparison.Ordinal)
        .Replace("{number}", record.ExemptMinuteNumber, StringComparison.Ordinal)
        .Replace("{report}", record.ExemptReport.ToString(), StringComparison.Ordinal);

    [Theory]
    [MemberData(nameof(Paths))]
    public async Task The_public_and_other_staff_never_see_Part_II(string path)
    {
        foreach (var roles in new[] { Array.Empty<string>(), [Roles.OpccStaff], [Roles.Caseworker, Roles.GrantsOfficer] })
        {
            var response = await record.Meetings.Client(roles).GetAsync(Expand(path));
            var text = await response.Content.ReadAsStringAsync();

            Assert.True(response.StatusCode is HttpStatusCode.OK or HttpStatusCode.NotFound,
                $"{path} as [{string.Join(",", roles)}]: {(int)response.StatusCode} {text}");
            Assert.DoesNotContain(PartTwoRecord.Secret, text, StringComparison.OrdinalIgnoreCase);
            if (response.StatusCode == HttpStatusCode.OK)
            {
                // A 404 repeats the id the caller asked for; a 200 must not mention the item at all.
                Assert.DoesNotContain(record.ExemptItem.ToString(), text, StringComparison.OrdinalIgnoreCase);
            }
        }
    }

    [Theory]
    [MemberData(nameof(Paths))]
    public async Task The_clerk_and_Panel_members_see_it(string path)
    {
        if (path.EndsWith("calendar.ics", StringComparison.Ordinal) || path.Contains("/meetings?body=", StringComparison.Ordinal))
        {
            return; // these carry no item text for anyone; their counts are checked below
        }

        foreach (var role in new[] { Roles.Clerk, Roles.PanelMember })
        {
            var response = await record.Meetings.Client(role).GetAsync(Expand(path));
            var text = await response.Content.ReadAsStringAsync();

            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{path} as {role}: {(int)response.StatusCode} {text}");
            Assert.Contains(PartTwoRecord.Secret, text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Counts_agree_with_what_each_reader_may_see()
    {
        async Task<(int ListItems, int PageItems, int Documents, int Minutes, long SearchTotal, int OParlItems)> CountsAs(params string[] roles)
        {
            var client = record.Meetings.Client(roles);
            var list = await client.GetFromJsonAsync<System.Text.Json.JsonElement>($"/api/meetings/meetings?body={record.Body}");
            var page = await client.GetFromJsonAsync<System.Text.Json.JsonElement>($"/api/meetings/meetings/{record.Meeting}");
            var search = await client.GetFromJsonAsync<System.Text.Json.JsonElement>("/api/meetings/search?q=complaint");
            var oparl = await client.GetFromJsonAsync<System.Text.Json.JsonElement>($"/api/meetings/oparl/v1/bodies/{record.Body}/agendaItems");
            var counts = page.GetProperty("counts");
            return (
                list.GetProperty("items").EnumerateArray().First(m => m.GetProperty("id").GetGuid() == record.Meeting).GetProperty("itemCount").GetInt32(),
                counts.GetProperty("items").GetInt32(), counts.GetProperty("documents").GetInt32(), counts.GetProperty("minutes").GetInt32(),
                search.GetProperty("total").GetInt64(),
                oparl.GetProperty("pagination").GetProperty("totalElements").GetInt32());
        }

        Assert.Equal((1, 1, 1, 1, 0L, 1), await CountsAs());
        Assert.Equal((1, 1, 1, 1, 0L, 1), await CountsAs(Roles.OpccStaff));
        var clerk = await CountsAs(Roles.Clerk);
        Assert.Equal((2, 2, 2, 2, 2), (clerk.ListItems, clerk.PageItems, clerk.Documents, clerk.Minutes, clerk.OParlItems));
        Assert.Equal(3L, clerk.SearchTotal); // the exempt item, its report and its minute
        Assert.Equal(clerk, await CountsAs(Roles.PanelMember));
    }

    [Fact]
    public async Task An_exempt_document_is_a_404_for_the_public_and_streams_for_a_Panel_member()
    {
        var anonymous = await record.Meetings.Client().GetAsync($"/api/meetings/documents/{record.ExemptDocument}/content");
        var member = await record.Meetings.Client(Roles.PanelMember).GetAsync($"/api/meetings/documents/{record.ExemptDocument}/content");

        Assert.Equal(HttpStatusCode.NotFound, anonymous.StatusCode);
        Assert.Equal(HttpStatusCode.OK, member.StatusCode);
        Assert.Equal($"Confidential {PartTwoRecord.Secret} papers.", await member.Content.ReadAsStringAsync());
    }
}
