using System.Net.Http.Json;
using System.Text.Json;
using PanelPlatform.Contracts.Meetings;
using PanelPlatform.Notifications.Data;
using PanelPlatform.Notifications.Domain;
using PanelPlatform.Notifications.Templates;

namespace PanelPlatform.Notifications.Tests;

/// <summary>Events and people from the Derbyshire seeds, and shortcuts for setting up subscribers.</summary>
public static class Fixtures
{
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    /// <summary>The Police and Crime Panel of 17 November 2022, 10.00 am, Council Chamber, County Hall, Matlock.</summary>
    public static readonly DateTimeOffset PanelMeetingStart = new(2022, 11, 17, 10, 0, 0, TimeSpan.Zero);

    public static AgendaPublished Agenda(Guid? meetingId = null) => new(
        meetingId ?? Guid.NewGuid(), "derbyshire-police-and-crime-panel", "Derbyshire Police and Crime Panel", "Police and Crime Panel",
        PanelMeetingStart,
        [
            new AgendaItemSummary(Guid.NewGuid(), "1", "Apologies for Absence"),
            new AgendaItemSummary(Guid.NewGuid(), "2", "Declarations of Interest"),
            new AgendaItemSummary(Guid.NewGuid(), "4", "Review of the Police and Crime Plan"),
        ],
        false, DateTimeOffset.UtcNow);

    public static MeetingScheduled Meeting(params string[] areas) => new(
        Guid.NewGuid(), "derbyshire-police-and-crime-panel", "Derbyshire Police and Crime Panel", "Police and Crime Panel",
        new DateTimeOffset(2023, 1, 26, 10, 0, 0, TimeSpan.Zero), null, "Council Chamber, County Hall, Matlock", false, areas, DateTimeOffset.UtcNow);

    public static string Email(string who = "resident") => $"{who}-{Guid.NewGuid():N}@example.org";

    private static int _mobiles = Random.Shared.Next(0, 50_000);

    /// <summary>A UK mobile number no other call in this run gets (subscribers' numbers are unique in the database).</summary>
    public static string Mobile() => $"+4477009{Interlocked.Increment(ref _mobiles) % 100_000:D5}";

    /// <summary>A subscriber whose addresses are already confirmed (for tests about what happens after opt-in).</summary>
    public static async Task<Subscriber> ConfirmedSubscriberAsync(
        NotificationsService notifications, string? email, string? mobile, Dictionary<string, Channel[]> topics,
        string[]? areas = null, string[]? wards = null, string[]? groups = null, Frequency frequency = Frequency.Immediate)
    {
        var now = DateTimeOffset.UtcNow;
        var subscriber = Subscriber.Create(email, mobile, null, areas ?? [], wards ?? [], groups ?? [], topics, frequency, now);
        subscriber.Confirm(Channel.Email, _ => true, now);
        subscriber.Confirm(Channel.Sms, _ => true, now);
        await notifications.QueryAsync(async db =>
        {
            db.Subscribers.Add(subscriber);
            db.Joined(subscriber, now);
            return await db.SaveChangesAsync();
        });
        return subscriber;
    }

    public static Dictionary<string, Channel[]> Topics(Channel channel, params string[] topics) => topics.ToDictionary(t => t, _ => new[] { channel });

    public static async Task<JsonElement> JsonAsync(this HttpResponseMessage response) => await response.Content.ReadFromJsonAsync<JsonElement>();

    /// <summary>The catalogue shipped with the service (services/Notifications/notice-templates.json).</summary>
    public static TemplateOptions ShippedTemplates()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "notice-templates.json");
        using var document = JsonDocument.Parse(File.ReadAllText(path));
        var section = document.RootElement.GetProperty("Notifications").GetProperty("Templates");
        return JsonSerializer.Deserialize<TemplateOptions>(section.GetRawText(), new JsonSerializerOptions
        {
            PropertyNameCaseInsensitive = true,
            Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() },
        })!;
    }
}
