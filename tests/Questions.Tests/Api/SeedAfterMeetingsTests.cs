using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using PanelPlatform.Contracts.Meetings;
using PanelPlatform.ServiceDefaults.Auth;
using PanelPlatform.ServiceDefaults.Data;
using PanelPlatform.TestInfrastructure;

namespace PanelPlatform.Questions.Tests.Api;

/// <summary>
/// Meetings' seed announces the seeded meetings under the same ids Questions' seed uses: loading Questions' seed after
/// (or while) that announcement arrives files the questions under the announced meeting, not a second copy.
/// </summary>
public sealed class SeedAfterMeetingsTests(QuestionsService questions) : IClassFixture<QuestionsService>
{
    private const string Panel = "derbyshire-police-and-crime-panel";
    private static readonly DateOnly November = new(2022, 11, 17);

    [Fact]
    public async Task The_seed_files_its_questions_under_the_meeting_Meetings_announced_and_its_agenda_item()
    {
        var meetingId = DeterministicIds.Meeting(Panel, November);
        await questions.PublishAsync(new MeetingScheduled(meetingId, Panel, "Derbyshire Police and Crime Panel", "Derbyshire Police and Crime Panel",
            new DateTimeOffset(2022, 11, 17, 10, 0, 0, TimeSpan.Zero), null, "Council Chamber, County Hall, Matlock", false, [], DateTimeOffset.UtcNow));
        await Eventually.Until(() => questions.QueryAsync(db => db.Meetings.AnyAsync(m => m.Id == meetingId)), TimeSpan.FromSeconds(15), "the announced meeting");

        var seeded = await questions.PostOkAsync(questions.Client(Roles.Admin), "/api/questions/admin/seed", new { });

        Assert.Equal((1, 2), (seeded.GetProperty("meetingsAdded").GetInt32(), seeded.GetProperty("questionsAdded").GetInt32()));
        var page = await questions.Client().GetFromJsonAsync<JsonElement>($"/api/questions/meetings/{meetingId}/published");
        Assert.Equal("Derbyshire Police and Crime Panel", page.GetProperty("title").GetString());
        var question = Assert.Single(page.GetProperty("questions").EnumerateArray());
        Assert.Equal("Drug strategy: From Harm to Hope", question.GetProperty("topic").GetString());
        Assert.Equal(DeterministicIds.AgendaItem(Panel, November, "8"), question.GetProperty("agendaItemId").GetGuid());
    }
}
