using System.Net.Http.Json;
using System.Text.Json;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using PanelPlatform.Contracts.Questions;
using PanelPlatform.Questions.Seed;
using PanelPlatform.ServiceDefaults.Auth;
using PanelPlatform.ServiceDefaults.Data;
using PanelPlatform.TestInfrastructure;

namespace PanelPlatform.Questions.Tests.Api;

public sealed class SeedTests(QuestionsService questions) : IClassFixture<QuestionsService>
{
    private static readonly Guid Panel = DeterministicIds.Meeting("derbyshire-police-and-crime-panel", new DateOnly(2022, 11, 17));
    private static readonly Guid Scrutiny = DeterministicIds.Meeting("performance-scrutiny-meeting", new DateOnly(2023, 11, 8));

    [Fact]
    public async Task The_seed_loads_the_17_November_2022_member_question_and_answer_and_the_VAWG_public_question_once()
    {
        // The seed's meeting ids are fixed, and RoleTests seeds its own service on the same broker: count only this one's events.
        var service = questions.Factory.Services.GetRequiredService<IBus>().Address;
        await using var published = await EventCollector<QuestionsPublished>.StartAsync(questions.Infrastructure, e => e.MeetingId == Panel, from: service);
        await using var accepted = await EventCollector<QuestionAccepted>.StartAsync(questions.Infrastructure,
            e => e.MeetingId == Panel || e.MeetingId == Scrutiny, from: service);

        var first = await questions.PostOkAsync(questions.Client(Roles.Admin), "/api/questions/admin/seed", new { });
        var second = await questions.PostOkAsync(questions.Client(Roles.Admin), "/api/questions/admin/seed", new { });

        Assert.Equal((2, 2), (first.GetProperty("meetingsAdded").GetInt32(), first.GetProperty("questionsAdded").GetInt32()));
        Assert.Equal((0, 0, 2), (second.GetProperty("meetingsAdded").GetInt32(), second.GetProperty("questionsAdded").GetInt32(),
            second.GetProperty("questionsAlreadyThere").GetInt32()));

        var page = await questions.Client().GetFromJsonAsync<JsonElement>($"/api/questions/meetings/{Panel}/published");
        var question = Assert.Single(page.GetProperty("questions").EnumerateArray());
        Assert.Equal("Cllr H Dhindsa", question.GetProperty("askedBy").GetString());
        Assert.StartsWith("The Government's new 'Drug Strategy – Harm to Hope'", question.GetProperty("text").GetString(), StringComparison.Ordinal);
        Assert.StartsWith("The Police and Crime Plan aligns directly with 'From Harm to Hope'", question.GetProperty("answer").GetString(), StringComparison.Ordinal);
        Assert.Equal("2022-11-17T10:00:00+00:00", page.GetProperty("startsAt").GetString());

        var vawg = await questions.Client(Roles.OpccStaff).GetFromJsonAsync<JsonElement>($"/api/questions?meetingId={Scrutiny}");
        var item = Assert.Single(vawg.GetProperty("items").EnumerateArray());
        Assert.Equal(("accepted", "a member of the public"), (item.GetProperty("status").GetString(), item.GetProperty("askedBy").GetString()));

        await published.WaitForAsync(1, TimeSpan.FromSeconds(15));
        // The meeting's facts, for the notice of it: which body's meeting, its title, its London date and time.
        var announced = published.Received.Single().Message;
        Assert.Equal(("Derbyshire Police and Crime Panel", "Police and Crime Panel"), (announced.BodyName, announced.MeetingTitle));
        Assert.Equal(new DateTimeOffset(2022, 11, 17, 10, 0, 0, TimeSpan.Zero), announced.MeetingStartsAt);
        await accepted.WaitForAsync(2, TimeSpan.FromSeconds(15));
        Assert.False(await accepted.MoreThanAsync(2, TimeSpan.FromSeconds(1)));
        Assert.False(await published.MoreThanAsync(1, TimeSpan.FromMilliseconds(200)));
    }
}
