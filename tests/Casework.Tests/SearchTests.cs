using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using PanelPlatform.ServiceDefaults.Auth;
using PanelPlatform.ServiceDefaults.Time;

namespace PanelPlatform.Casework.Tests;

/// <summary>GET /api/casework/cases: by reference, status, type, assignee and due date, paged.</summary>
public sealed class SearchTests(CaseworkService casework) : IClassFixture<CaseworkService>
{
    private static async Task<List<JsonElement>> AllPagesAsync(HttpClient client, string query)
    {
        var items = new List<JsonElement>();
        string? cursor = null;
        do
        {
            var page = await client.GetFromJsonAsync<JsonElement>($"/api/casework/cases?{query}&limit=2{(cursor is null ? "" : $"&cursor={cursor}")}");
            items.AddRange(page.GetProperty("items").EnumerateArray());
            cursor = page.GetProperty("nextCursor").GetString();
        }
        while (cursor is not null);

        return items;
    }

    [Fact]
    public async Task Cases_are_found_by_status_type_assignee_reference_and_due_date_across_pages()
    {
        var today = UkTime.LondonDate(DateTimeOffset.UtcNow);
        var noon = new TimeOnly(12, 0);
        // Received five working days ago: acknowledgment due today. Received a working day ago: due in four.
        var (dueToday, _) = await casework.OpenCaseAsync(Person.Unique(), "mp-enquiry", UkTime.FromLondon(WorkingDays.Add(today, -5), noon));
        var (dueLater, laterReference) = await casework.OpenCaseAsync(Person.Unique(), "mp-enquiry", UkTime.FromLondon(WorkingDays.Add(today, -1), noon));
        var (foi, _) = await casework.OpenCaseAsync(Person.Unique(), "foi-request");
        await casework.MoveAsync(foi, "acknowledged");
        var (mine, _) = await casework.OpenCaseAsync(Person.Unique(), "mp-enquiry");
        var me = casework.ClientAs("searcher", "Sid Searcher", Roles.Caseworker);
        await me.PostAsJsonAsync($"/api/casework/cases/{mine}/assignment", new { });

        var enquiries = await AllPagesAsync(casework.Client(Roles.OpccStaff), "type=mp-enquiry");
        var acknowledged = await AllPagesAsync(casework.Client(Roles.OpccStaff), "status=acknowledged");
        var byDue = await AllPagesAsync(casework.Client(Roles.OpccStaff), $"sort=due&type=mp-enquiry&dueTo={WorkingDays.Add(today, 4):yyyy-MM-dd}");
        var dueNow = await AllPagesAsync(casework.Client(Roles.OpccStaff), $"dueFrom={today:yyyy-MM-dd}&dueTo={today:yyyy-MM-dd}");
        var assigned = await AllPagesAsync(me, "assignee=me");
        var byReference = await AllPagesAsync(casework.Client(Roles.Clerk), $"reference={laterReference.ToLowerInvariant()}");

        Assert.Equal(3, enquiries.Count(i => new[] { dueToday, dueLater, mine }.Contains(i.GetProperty("id").GetGuid())));
        Assert.All(enquiries, i => Assert.Equal("mp-enquiry", i.GetProperty("type").GetString()));
        Assert.Contains(acknowledged, i => i.GetProperty("id").GetGuid() == foi);
        Assert.All(acknowledged, i => Assert.Equal("acknowledged", i.GetProperty("status").GetString()));
        Assert.Equal([dueToday, dueLater], byDue.Select(i => i.GetProperty("id").GetGuid()).Where(id => id == dueToday || id == dueLater));
        Assert.Equal(
            byDue.Select(i => i.GetProperty("nextDueOn").GetString()).Order(StringComparer.Ordinal),
            byDue.Select(i => i.GetProperty("nextDueOn").GetString()));
        Assert.Contains(dueNow, i => i.GetProperty("id").GetGuid() == dueToday);
        Assert.DoesNotContain(dueNow, i => i.GetProperty("id").GetGuid() == dueLater);
        Assert.Equal("due-soon", dueNow.Single(i => i.GetProperty("id").GetGuid() == dueToday).GetProperty("clocks").GetProperty("acknowledge").GetProperty("state").GetString());
        Assert.Equal(mine, Assert.Single(assigned).GetProperty("id").GetGuid());
        Assert.Equal(dueLater, Assert.Single(byReference).GetProperty("id").GetGuid());
    }

    [Fact]
    public async Task Newest_received_come_first_and_pages_neither_repeat_nor_skip()
    {
        for (var i = 0; i < 5; i++)
        {
            await casework.OpenCaseAsync(Person.Unique(), "correspondence", DateTimeOffset.UtcNow.AddDays(-i - 1));
        }

        var all = await AllPagesAsync(casework.Client(Roles.Caseworker), "type=correspondence");

        var received = all.Select(i => i.GetProperty("receivedAt").GetDateTimeOffset()).ToList();
        Assert.Equal(received.OrderDescending(), received);
        Assert.Equal(all.Count, all.Select(i => i.GetProperty("id").GetGuid()).Distinct().Count());
        Assert.True(all.Count >= 5);
    }

    [Theory]
    [InlineData("status=finished", "status")]
    [InlineData("type=parking", "type")]
    [InlineData("assignee=someone", "assignee")]
    [InlineData("sort=name", "sort")]
    [InlineData("limit=0", "limit")]
    [InlineData("limit=500", "limit")]
    [InlineData("cursor=not-a-cursor", "cursor")]
    [InlineData("dueFrom=yesterday", "dueFrom")]
    public async Task Bad_queries_are_400_problems(string query, string field)
    {
        var response = await casework.Client(Roles.Caseworker).GetAsync($"/api/casework/cases?{query}");

        await Problems.AssertNamesFieldAsync(response, HttpStatusCode.BadRequest, field, query);
    }

    [Fact]
    public async Task An_unknown_case_is_404()
    {
        var response = await casework.Client(Roles.OpccStaff).GetAsync($"/api/casework/cases/{Guid.NewGuid()}");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }
}
