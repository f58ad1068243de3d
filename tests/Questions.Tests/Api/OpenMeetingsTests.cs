using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using PanelPlatform.Contracts.Meetings;
using PanelPlatform.TestInfrastructure;

namespace PanelPlatform.Questions.Tests.Api;

/// <summary>The public list of meetings a resident may ask a question for now, with their deadlines.</summary>
public sealed class OpenMeetingsTests(QuestionsService questions) : IClassFixture<QuestionsService>
{
    private static DateTimeOffset WeekdayMorning(int daysAhead)
    {
        var day = DateTime.UtcNow.Date.AddDays(daysAhead);
        while (day.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday)
        {
            day = day.AddDays(1);
        }

        return new DateTimeOffset(day.AddHours(10), TimeSpan.Zero);
    }

    [Fact]
    public async Task Only_upcoming_meetings_whose_deadline_has_not_passed_are_listed_soonest_first_and_paged()
    {
        // Its own body, so other tests' meetings do not show in this list.
        var body = $"open-meetings-{Guid.NewGuid():N}";
        var later = await questions.ScheduleMeetingAsync(WeekdayMorning(60), body, "Rural crime");
        var sooner = await questions.ScheduleMeetingAsync(WeekdayMorning(40), body, "Neighbourhood crime");
        await questions.ScheduleMeetingAsync(WeekdayMorning(2), body, "Too soon: fewer than five clear working days");
        await questions.ScheduleMeetingAsync(WeekdayMorning(-30), body, "Already held");
        var cancelledAt = WeekdayMorning(50);
        var cancelled = await questions.ScheduleMeetingAsync(cancelledAt, body, "Cancelled");
        await questions.PublishAsync(new MeetingCancelled(cancelled, body, "Performance Scrutiny Meeting", "Cancelled", cancelledAt, "Unwell", DateTimeOffset.UtcNow));
        await Eventually.Until(() => questions.QueryAsync(db => db.Meetings.AnyAsync(m => m.Id == cancelled && m.IsCancelled)),
            TimeSpan.FromSeconds(15), "the cancellation");

        var ids = new List<Guid>();
        string? cursor = null;
        var pages = 0;
        do
        {
            var response = await questions.Client().GetAsync($"/api/questions/meetings?body={body}&limit=1" + (cursor is null ? "" : $"&cursor={cursor}"));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var page = await response.Content.ReadFromJsonAsync<JsonElement>();
            foreach (var meeting in page.GetProperty("items").EnumerateArray())
            {
                Assert.True(meeting.GetProperty("openForPublicQuestions").GetBoolean());
                Assert.True(meeting.GetProperty("publicDeadline").GetDateTimeOffset() < meeting.GetProperty("startsAt").GetDateTimeOffset());
                ids.Add(meeting.GetProperty("meetingId").GetGuid());
            }

            cursor = page.GetProperty("nextCursor").GetString();
            pages++;
        }
        while (cursor is not null && pages < 10);

        Assert.Equal([sooner, later], ids);
    }

    [Fact]
    public async Task Without_a_body_every_body_s_open_meetings_are_listed()
    {
        var first = await questions.ScheduleMeetingAsync(WeekdayMorning(30), $"open-a-{Guid.NewGuid():N}");
        var second = await questions.SchedulePanelMeetingAsync(WeekdayMorning(31));

        var page = await questions.Client().GetFromJsonAsync<JsonElement>("/api/questions/meetings?limit=200");

        var listed = page.GetProperty("items").EnumerateArray().Select(m => m.GetProperty("meetingId").GetGuid()).ToList();
        Assert.Contains(first, listed);
        Assert.Contains(second, listed);
    }

    [Theory]
    [InlineData("limit=0", "limit")]
    [InlineData("cursor=forged", "cursor")]
    public async Task Bad_paging_is_a_400_problem(string query, string field)
    {
        var response = await questions.Client().GetAsync($"/api/questions/meetings?{query}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty(field, out _));
    }
}
