using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using PanelPlatform.ServiceDefaults.Auth;

namespace PanelPlatform.Meetings.Tests;

/// <summary>Builds committee records through the HTTP API as a clerk would, for the integration tests.</summary>
public sealed class Api(MeetingsService meetings)
{
    public HttpClient Clerk { get; } = meetings.Client(Roles.Clerk);

    public static async Task<JsonElement> Read(HttpResponseMessage response, HttpStatusCode expected)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"{response.RequestMessage?.Method} {response.RequestMessage?.RequestUri}: expected {(int)expected}, got {(int)response.StatusCode}: {body}");
        return body.Length == 0 ? default : JsonDocument.Parse(body).RootElement.Clone();
    }

    public async Task<JsonElement> Post(string path, object body, HttpStatusCode expected = HttpStatusCode.OK) =>
        await Read(await Clerk.PostAsJsonAsync(path, body), expected);

    public async Task<JsonElement> Put(string path, object body, HttpStatusCode expected = HttpStatusCode.OK) =>
        await Read(await Clerk.PutAsJsonAsync(path, body), expected);

    public async Task<string> Body(string? name = null, string kind = "panel")
    {
        var created = await Post("/api/meetings/bodies", new { name = name ?? $"Police and Crime Panel {Guid.NewGuid():N}", kind }, HttpStatusCode.Created);
        return created.GetProperty("slug").GetString()!;
    }

    public async Task<Guid> Person(string name) =>
        (await Post("/api/meetings/people", new { name }, HttpStatusCode.Created)).GetProperty("id").GetGuid();

    public async Task<Guid> Member(string bodySlug, string name, string role = "member", string startsOn = "2022-06-23", string? endsOn = null, string? council = null)
    {
        var person = await Person(name);
        await Post($"/api/meetings/bodies/{bodySlug}/memberships", new { personId = person, role, startsOn, endsOn, council }, HttpStatusCode.Created);
        return person;
    }

    public async Task<Guid> Meeting(string bodySlug, DateTimeOffset startsAt, string title = "Police and Crime Panel")
    {
        var created = await Post("/api/meetings/meetings", new { bodySlug, title, startsAt, location = "Council Chamber, County Hall, Matlock" }, HttpStatusCode.Created);
        return created.GetProperty("id").GetGuid();
    }

    public async Task<Guid> Item(Guid meetingId, string number, string title, string part = "part-i", string? exemptionReason = null, string kind = "business") =>
        (await Post($"/api/meetings/meetings/{meetingId}/items", new { number, title, part, exemptionReason, kind }, HttpStatusCode.Created)).GetProperty("id").GetGuid();

    /// <summary>Publishes the agenda (late, with a reason, for a meeting in the past) and records the meeting as held.</summary>
    public async Task Hold(Guid meetingId)
    {
        await Post($"/api/meetings/meetings/{meetingId}/agenda/publish", new { urgencyReason = "Recorded after the event" });
        await Post($"/api/meetings/meetings/{meetingId}/held", new { });
    }

    public async Task<JsonElement> Draft(Guid meetingId, params object[] entries) =>
        await Post($"/api/meetings/meetings/{meetingId}/minutes/draft", new { entries });

    public async Task<JsonElement> Page(Guid meetingId, params string[] roles) =>
        await Read(await meetings.Client(roles).GetAsync($"/api/meetings/meetings/{meetingId}"), HttpStatusCode.OK);
}
