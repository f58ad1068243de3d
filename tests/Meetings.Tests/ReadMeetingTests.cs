using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using PanelPlatform.ServiceDefaults.Auth;

namespace PanelPlatform.Meetings.Tests;

public sealed class ReadMeetingTests(MeetingsService meetings) : IClassFixture<MeetingsService>
{
    [Fact]
    public async Task An_unknown_meeting_is_a_404_problem()
    {
        var response = await meetings.Client().GetAsync($"/api/meetings/meetings/{Guid.NewGuid()}");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("https://panel-platform.uk/problems/not-found", problem.GetProperty("type").GetString());
    }

    /// <summary>The Panel's meetings of 2022 and January 2023, scheduled out of order under a new body; returns its slug.</summary>
    private async Task<string> ScheduleOutOfOrderAsync(string body)
    {
        var clerk = meetings.Client(Roles.Clerk);
        foreach (var date in new[] { "2022-11-17", "2022-09-08", "2023-01-26", "2022-07-14", "2022-02-03" })
        {
            var created = await clerk.PostAsJsonAsync("/api/meetings/meetings", new
            {
                bodyName = body, title = $"Panel {date}", startsAt = $"{date}T10:00:00Z", location = "County Hall, Matlock",
            });
            Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        }

        return body.ToLowerInvariant().Replace(' ', '-');
    }

    [Fact]
    public async Task The_list_pages_in_date_order_with_a_cursor()
    {
        var slug = await ScheduleOutOfOrderAsync($"Paging Body {Guid.NewGuid():N}");
        var titles = new List<string>();
        string? cursor = null;
        var pages = 0;
        do
        {
            var page = await meetings.Client().GetFromJsonAsync<JsonElement>(
                $"/api/meetings/meetings?body={slug}&limit=2" + (cursor is null ? "" : $"&cursor={cursor}"));
            titles.AddRange(page.GetProperty("items").EnumerateArray().Select(m => m.GetProperty("title").GetString()!));
            cursor = page.GetProperty("nextCursor").GetString();
            pages++;
        }
        while (cursor is not null);

        Assert.Equal(3, pages);
        Assert.Equal(["Panel 2022-02-03", "Panel 2022-07-14", "Panel 2022-09-08", "Panel 2022-11-17", "Panel 2023-01-26"], titles);
    }

    [Fact]
    public async Task Past_meetings_page_newest_first_with_their_own_cursor()
    {
        var slug = await ScheduleOutOfOrderAsync($"Newest First Body {Guid.NewGuid():N}");
        var titles = new List<string>();
        string? cursor = null;
        string? firstCursor = null;
        do
        {
            var page = await meetings.Client().GetFromJsonAsync<JsonElement>(
                $"/api/meetings/meetings?body={slug}&to=2023-01-01T00:00:00Z&order=newest-first&limit=2" + (cursor is null ? "" : $"&cursor={cursor}"));
            titles.AddRange(page.GetProperty("items").EnumerateArray().Select(m => m.GetProperty("title").GetString()!));
            cursor = page.GetProperty("nextCursor").GetString();
            firstCursor ??= cursor;
        }
        while (cursor is not null);

        Assert.Equal(["Panel 2022-11-17", "Panel 2022-09-08", "Panel 2022-07-14", "Panel 2022-02-03"], titles);

        // A cursor says which way its list runs: the other order refuses it rather than skipping meetings.
        var mixed = await meetings.Client().GetAsync($"/api/meetings/meetings?body={slug}&cursor={firstCursor}");
        Assert.Equal(HttpStatusCode.BadRequest, mixed.StatusCode);
        Assert.True((await mixed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("cursor", out _));
    }

    [Theory]
    [InlineData("limit=0", "limit")]
    [InlineData("limit=1000", "limit")]
    [InlineData("cursor=forged", "cursor")]
    [InlineData("order=sideways", "order")]
    public async Task Bad_paging_is_a_400_problem(string query, string field)
    {
        var response = await meetings.Client().GetAsync($"/api/meetings/meetings?{query}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _));
    }
}
