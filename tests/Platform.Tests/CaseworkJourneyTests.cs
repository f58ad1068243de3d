using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using PanelPlatform.ServiceDefaults.Auth;
using PanelPlatform.ServiceDefaults.Time;

namespace PanelPlatform.Platform.Tests;

[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class CaseworkFigures
{
    /// <summary>Compares the month's figures before and after: runs alone, so that no other test adds cases meanwhile.</summary>
    public const string Name = "platform casework figures";
}

/// <summary>
/// Issue 7's journey through the gateway: a resident's complaint through the public form, the acknowledgment email with
/// its reference, a caseworker working it to closed, and the Panel's figures counting it.
/// </summary>
[Collection(CaseworkFigures.Name)]
public sealed class CaseworkJourneyTests(PlatformApp platform)
{
    private const string Type = "complaint-chief-constable";
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    private async Task<(int Received, int Closed, int Responded)> FiguresThisMonthAsync()
    {
        var label = UkTime.LondonDate(DateTimeOffset.UtcNow).ToString("yyyy-MM", CultureInfo.InvariantCulture);
        var report = await ExpectAsync(await platform.Client(Roles.Clerk).GetAsync($"/api/casework/figures?from={label}&to={label}"), HttpStatusCode.OK);
        var row = report.GetProperty("months").EnumerateArray().Single(r => r.GetProperty("type").GetString() == Type);
        return (row.GetProperty("received").GetInt32(), row.GetProperty("closed").GetInt32(), row.GetProperty("responded").GetInt32());
    }

    /// <summary>Waits for the email, asking smtp4dev again when its API is too slow to answer (a loaded machine), not failing on it.</summary>
    private static async Task<MailMessage> MailAsync(MailInbox inbox, string address, Func<MailMessage, bool> match)
    {
        var deadline = DateTimeOffset.UtcNow + Patience;
        while (true)
        {
            try
            {
                return await inbox.WaitForAsync(address, match, deadline - DateTimeOffset.UtcNow);
            }
            catch (TaskCanceledException) when (DateTimeOffset.UtcNow < deadline)
            {
            }
        }
    }

    [Fact]
    public async Task A_public_complaint_is_acknowledged_by_email_with_its_reference_worked_to_closed_and_counted()
    {
        var inbox = MailInbox.Of(platform);
        var tag = Guid.NewGuid().ToString("N")[..12];
        var email = $"philippa.{tag}@example.org";
        var before = await FiguresThisMonthAsync();

        var receipt = await ExpectAsync(await platform.Client().PostAsJsonAsync("/api/casework/public/submissions", new
        {
            type = Type,
            name = $"Philippa Marchbanks {tag}",
            email,
            address = $"{tag} Smedley Street, Matlock DE4 3AG",
            summary = $"Speeding on Bakewell Road near the school {tag}",
            description = $"Cars race past Highfields School every morning; my son was nearly hit on 3 March. {tag}",
        }), HttpStatusCode.Created);
        var reference = receipt.GetProperty("reference").GetString()!;
        Assert.DoesNotContain(tag, receipt.ToString(), StringComparison.Ordinal);

        var acknowledgment = await MailAsync(inbox, email, m => m.Subject.Contains(reference, StringComparison.Ordinal));
        Assert.Contains(reference, acknowledgment.Text, StringComparison.Ordinal);

        var caseworker = platform.Client(Roles.Caseworker);
        var found = await ExpectAsync(await caseworker.GetAsync($"/api/casework/cases?reference={Uri.EscapeDataString(reference)}"), HttpStatusCode.OK);
        var caseId = Assert.Single(found.GetProperty("items").EnumerateArray()).GetProperty("id").GetGuid();
        foreach (var step in new[] { "in-progress", "responded" })
        {
            await ExpectAsync(await caseworker.PostAsJsonAsync($"/api/casework/cases/{caseId}/transitions", new { to = step }), HttpStatusCode.OK);
        }

        await ExpectAsync(await caseworker.PostAsJsonAsync($"/api/casework/cases/{caseId}/transitions", new { to = "closed", outcome = "partly-upheld" }),
            HttpStatusCode.OK);
        var closed = await ExpectAsync(await caseworker.GetAsync($"/api/casework/cases/{caseId}"), HttpStatusCode.OK);
        Assert.Equal("closed", closed.GetProperty("status").GetString());

        var after = await FiguresThisMonthAsync();
        Assert.Equal((before.Received + 1, before.Closed + 1, before.Responded + 1), after);
    }
}
