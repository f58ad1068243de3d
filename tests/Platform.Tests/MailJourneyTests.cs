using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using PanelPlatform.ServiceDefaults.Auth;

namespace PanelPlatform.Platform.Tests;

/// <summary>A resident's Derbyshire Alert, through the gateway and the platform's own mail server.</summary>
public sealed class MailJourneyTests(PlatformApp platform)
{
    private static string PathOf(string link) => new Uri(link).PathAndQuery;

    private async Task<Guid> PublishAgendaAsync(string title, DateTimeOffset startsAt)
    {
        var clerk = platform.Client(Roles.Clerk);
        var created = await clerk.PostAsJsonAsync("/api/meetings/meetings", EndToEndTests.Meeting(title, startsAt));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var item = await clerk.PostAsJsonAsync($"/api/meetings/meetings/{id}/items",
            new { number = "4", title = "Review of the Police and Crime Plan 2021-2025", part = "part-i", kind = "business" });
        Assert.Equal(HttpStatusCode.Created, item.StatusCode);
        var published = await clerk.PostAsJsonAsync($"/api/meetings/meetings/{id}/agenda/publish", new { });
        Assert.True(published.IsSuccessStatusCode, await published.Content.ReadAsStringAsync());
        return id;
    }

    [Fact]
    public async Task Subscribe_confirm_from_the_inbox_receive_an_agenda_and_unsubscribe_by_its_link()
    {
        var inbox = MailInbox.Of(platform);
        var email = $"resident-{Guid.NewGuid():N}@example.org";
        var gateway = platform.Gateway.ToString().TrimEnd('/');
        var patience = TimeSpan.FromSeconds(60);

        var signedUp = await platform.Client().PostAsJsonAsync("/api/notifications/subscribers",
            new { email, frequency = "immediate", topics = new Dictionary<string, string[]> { ["meetings"] = ["email"] } });
        Assert.Equal(HttpStatusCode.Accepted, signedUp.StatusCode);

        var confirmation = await inbox.WaitForAsync(email, m => m.Subject.StartsWith("Confirm", StringComparison.Ordinal), patience);
        // The link opens the site's confirmation page; its button asks the API with the link's token, as here.
        var confirmLink = confirmation.Link($"{gateway}/alerts/confirm?token=");
        var confirmed = await platform.Client().PostAsync($"/api/notifications/subscribers/confirm{new Uri(confirmLink).Query}", null);
        Assert.Equal(HttpStatusCode.OK, confirmed.StatusCode);

        var startsAt = new DateTimeOffset(2032, 1, 15, 10, 0, 0, TimeSpan.Zero).AddDays(Random.Shared.Next(0, 300));
        // Subscribed to every meeting, the resident also gets the agendas other tests publish meanwhile: each of this
        // test's meetings is known by its title in the email's words.
        var first = $"Police and Crime Panel {Guid.NewGuid():N}";
        await PublishAgendaAsync(first, startsAt);
        var agenda = await inbox.WaitForAsync(email, m => IsAgendaOf(m, first), patience);
        Assert.Contains("4. Review of the Police and Crime Plan 2021-2025", agenda.Text, StringComparison.Ordinal);
        Assert.Equal("List-Unsubscribe=One-Click", agenda.Headers["List-Unsubscribe-Post"]);
        var unsubscribe = agenda.Headers["List-Unsubscribe"].Trim('<', '>');
        Assert.StartsWith($"{gateway}/api/notifications/unsubscribe?token=", unsubscribe, StringComparison.Ordinal);
        // The reader's own unsubscribe link (in the words) opens the site's page, with the same token.
        Assert.Equal(new Uri(unsubscribe).Query, new Uri(agenda.Link($"{gateway}/alerts/unsubscribe?token=")).Query);

        // RFC 8058: the mail client posts the form to the header's URL; here through the gateway, as from outside.
        var oneClick = await platform.Client().PostAsync(PathOf(unsubscribe), new FormUrlEncodedContent([new("List-Unsubscribe", "One-Click")]));
        Assert.Equal(HttpStatusCode.OK, oneClick.StatusCode);

        var second = $"Police and Crime Panel {Guid.NewGuid():N}";
        await PublishAgendaAsync(second, startsAt.AddDays(1));
        await Task.Delay(TimeSpan.FromSeconds(5));
        var received = await inbox.ToAsync(email);
        Assert.Single(received, m => IsAgendaOf(m, first));
        Assert.DoesNotContain(received, m => IsAgendaOf(m, second));
    }

    private static bool IsAgendaOf(MailMessage message, string meetingTitle) =>
        message.Subject.StartsWith("Agenda published:", StringComparison.Ordinal) && message.Text.Contains(meetingTitle, StringComparison.Ordinal);
}
