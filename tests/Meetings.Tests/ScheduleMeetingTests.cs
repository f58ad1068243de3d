using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using PanelPlatform.Contracts.Meetings;
using PanelPlatform.ServiceDefaults.Auth;
using PanelPlatform.TestInfrastructure;

namespace PanelPlatform.Meetings.Tests;

/// <summary>POST /api/meetings/meetings against the real database and broker.</summary>
public sealed class ScheduleMeetingTests(MeetingsService meetings) : IClassFixture<MeetingsService>
{
    // The Panel meeting of 17 November 2022 (10.00 am, Council Chamber, County Hall, Matlock), from the seeds.
    private static object PanelMeeting(string title = "Police and Crime Panel") => new
    {
        bodyName = "Derbyshire Police and Crime Panel",
        title,
        startsAt = "2022-11-17T10:00:00+00:00",
        location = "Council Chamber, County Hall, Matlock",
        isVirtual = false,
    };

    [Fact]
    public async Task A_clerk_schedules_a_meeting_and_MeetingScheduled_is_published_once()
    {
        var title = $"Police and Crime Panel {Guid.NewGuid():N}";
        await using var collector = await EventCollector<MeetingScheduled>.StartAsync(meetings.Infrastructure, e => e.Title == title);

        var response = await meetings.Client(Roles.Clerk).PostAsJsonAsync("/api/meetings/meetings", PanelMeeting(title));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var created = await response.Content.ReadFromJsonAsync<JsonElement>();
        var id = created.GetProperty("id").GetGuid();
        Assert.Equal($"/api/meetings/meetings/{id}", response.Headers.Location?.OriginalString);
        Assert.Equal("derbyshire-police-and-crime-panel", created.GetProperty("bodySlug").GetString());
        Assert.Equal("scheduled", created.GetProperty("status").GetString());

        await collector.WaitForAsync(1, TimeSpan.FromSeconds(15));
        Assert.False(await collector.MoreThanAsync(1, TimeSpan.FromSeconds(1)));
        var (_, published) = collector.Received.Single();
        Assert.Equal(id, published.MeetingId);
        Assert.Equal("Derbyshire Police and Crime Panel", published.BodyName);
        Assert.Equal(new DateTimeOffset(2022, 11, 17, 10, 0, 0, TimeSpan.Zero), published.StartsAt);
        Assert.Equal("Council Chamber, County Hall, Matlock", published.Location);
    }

    [Fact]
    public async Task The_first_meetings_of_a_new_body_scheduled_at_once_all_succeed_under_one_body()
    {
        var bodyName = $"Complaints Sub-Committee {Guid.NewGuid():N}";
        var clerk = meetings.Client(Roles.Clerk);

        var responses = await Task.WhenAll(Enumerable.Range(1, 8).Select(n => clerk.PostAsJsonAsync("/api/meetings/meetings", new
        {
            bodyName,
            title = $"Complaints Sub-Committee {n}",
            startsAt = new DateTimeOffset(2023, 2, n, 14, 0, 0, TimeSpan.Zero),
            location = "Committee Room 1, County Hall, Matlock",
        })));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.Created, r.StatusCode));
        var slugs = await Task.WhenAll(responses.Select(async r => (await r.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("bodySlug").GetString()));
        var slug = Assert.Single(slugs.Distinct());
        var listed = await meetings.Client().GetFromJsonAsync<JsonElement>($"/api/meetings/meetings?body={slug}&limit=50");
        Assert.Equal(8, listed.GetProperty("items").GetArrayLength());
    }

    [Fact]
    public async Task The_meeting_reads_back_in_London_time_with_the_offset_of_the_day()
    {
        var summer = await meetings.Client(Roles.Clerk).PostAsJsonAsync("/api/meetings/meetings", new
        {
            bodyName = "Performance Scrutiny Meeting",
            title = "Violence Against Women and Girls",
            startsAt = "2023-07-04T09:00:00Z",
            isVirtual = true,
        });
        var id = (await summer.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();

        var read = await meetings.Client().GetFromJsonAsync<JsonElement>($"/api/meetings/meetings/{id}");

        Assert.Equal("2023-07-04T10:00:00+01:00", read.GetProperty("startsAt").GetString());
        Assert.True(read.GetProperty("isVirtual").GetBoolean());
        Assert.Equal(JsonValueKind.Null, read.GetProperty("location").ValueKind);
    }

    public static TheoryData<string, string, string> BadRequests => new()
    {
        { "missing title", """{"bodyName":"Derbyshire Police and Crime Panel","startsAt":"2022-11-17T10:00:00Z","location":"County Hall"}""", "title" },
        { "end before start", """{"bodyName":"Derbyshire Police and Crime Panel","title":"Panel","startsAt":"2022-11-17T10:00:00Z","endsAt":"2022-11-17T09:00:00Z","location":"County Hall"}""", "endsAt" },
        { "no location for a meeting in person", """{"bodyName":"Derbyshire Police and Crime Panel","title":"Panel","startsAt":"2022-11-17T10:00:00Z"}""", "location" },
        { "start of the wrong type", """{"bodyName":"Derbyshire Police and Crime Panel","title":"Panel","startsAt":42,"location":"County Hall"}""", "startsAt" },
        { "flag of the wrong type", """{"bodyName":"Derbyshire Police and Crime Panel","title":"Panel","startsAt":"2022-11-17T10:00:00Z","location":"County Hall","isVirtual":"sometimes"}""", "isVirtual" },
        { "unknown field", """{"bodyName":"Derbyshire Police and Crime Panel","title":"Panel","startsAt":"2022-11-17T10:00:00Z","location":"County Hall","tittle":"typo"}""", "tittle" },
        { "malformed JSON", """{"bodyName":"Derbyshire Police and Crime Panel","title":""", "title" },
        { "markup in the title", """{"bodyName":"Derbyshire Police and Crime Panel","title":"<script>alert(1)</script>","startsAt":"2022-11-17T10:00:00Z","location":"County Hall"}""", "title" },
    };

    [Theory]
    [MemberData(nameof(BadRequests))]
    public async Task Bad_input_is_a_400_problem_naming_the_field_and_stores_nothing(string why, string body, string field)
    {
        var before = await meetings.CountsAsync();

        var response = await meetings.Client(Roles.Clerk).PostAsync("/api/meetings/meetings",
            new StringContent(body, Encoding.UTF8, "application/json"));

        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{why}: got {(int)response.StatusCode}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.StartsWith("https://panel-platform.uk/problems/", problem.GetProperty("type").GetString());
        Assert.Equal(400, problem.GetProperty("status").GetInt32());
        var named = problem.TryGetProperty("errors", out var errors)
            ? errors.EnumerateObject().Any(e => e.Name.StartsWith(field, StringComparison.Ordinal))
            : false;
        Assert.True(named || problem.GetProperty("detail").GetString()!.Contains(field, StringComparison.Ordinal),
            $"{why}: the problem does not name {field}: {problem}");
        Assert.Equal(before, await meetings.CountsAsync());
    }

    [Fact]
    public async Task An_empty_body_is_a_400_problem()
    {
        var response = await meetings.Client(Roles.Clerk).PostAsync("/api/meetings/meetings",
            new StringContent("", Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Without_a_token_scheduling_is_401_and_with_the_wrong_role_403()
    {
        var before = await meetings.CountsAsync();

        var anonymous = await meetings.Client().PostAsJsonAsync("/api/meetings/meetings", PanelMeeting());
        var caseworker = await meetings.Client(Roles.Caseworker).PostAsJsonAsync("/api/meetings/meetings", PanelMeeting());
        var forged = meetings.Client();
        forged.DefaultRequestHeaders.Authorization = new("Bearer", DevelopmentTokens.Mint(DevelopmentTokens.NewSigningKey(), [Roles.Clerk]));
        var forgedResponse = await forged.PostAsJsonAsync("/api/meetings/meetings", PanelMeeting());
        var admin = await meetings.Client(Roles.Admin).PostAsJsonAsync("/api/meetings/meetings", PanelMeeting());

        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal("application/problem+json", anonymous.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.Forbidden, caseworker.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, forgedResponse.StatusCode);
        Assert.Equal(HttpStatusCode.Created, admin.StatusCode);
        Assert.Equal((before.Meetings + 1, before.Outbox + 1), await meetings.CountsAsync());
    }
}
