using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using PanelPlatform.Casework.Domain;
using PanelPlatform.Contracts.Casework;
using PanelPlatform.ServiceDefaults.Auth;
using PanelPlatform.ServiceDefaults.Time;
using PanelPlatform.TestInfrastructure;

namespace PanelPlatform.Casework.Tests;

/// <summary>
/// The whole journey inside the service: a resident complains through the public form, is acknowledged under a
/// recipient id Notifications knows, a caseworker works the case to closed, and the Panel's figures count it.
/// (The gateway and the email itself belong to the platform and Notifications tests.)
/// </summary>
public sealed class ResidentToFiguresTests(CaseworkService casework) : IClassFixture<CaseworkService>
{
    private const string Type = "complaint-chief-constable";

    private async Task<(int Received, int Closed, int Responded, int WithinTime)> FiguresThisMonthAsync()
    {
        var month = UkTime.LondonDate(DateTimeOffset.UtcNow);
        var label = Figures.Label(new DateOnly(month.Year, month.Month, 1));
        var report = await casework.Client(Roles.Clerk).GetFromJsonAsync<JsonElement>($"/api/casework/figures?from={label}&to={label}");
        var row = report.GetProperty("months").EnumerateArray().Single(r => r.GetProperty("type").GetString() == Type);
        return (row.GetProperty("received").GetInt32(), row.GetProperty("closed").GetInt32(), row.GetProperty("responded").GetInt32(),
            row.GetProperty("respondedWithinTimeLimit").GetInt32());
    }

    [Fact]
    public async Task A_public_complaint_is_acknowledged_worked_to_closed_and_counted()
    {
        var person = Person.Unique();
        await using var acknowledged = await EventCollector<CaseAcknowledged>.StartAsync(casework.Infrastructure);
        await using var closed = await EventCollector<CaseClosed>.StartAsync(casework.Infrastructure);
        var before = await FiguresThisMonthAsync();

        var submitted = await casework.Client().PostAsJsonAsync("/api/casework/public/submissions", new
        {
            type = Type,
            name = person.Name,
            email = person.Email,
            address = person.Address,
            summary = person.Summary,
            description = person.Description,
        });
        Assert.Equal(HttpStatusCode.Created, submitted.StatusCode);
        var reference = (await submitted.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("reference").GetString()!;

        // The acknowledgment Notifications sends: the reference, to the recipient registered with the resident's email.
        var caseId = await casework.QueryAsync(db => db.Cases.Where(c => c.Reference == reference).Select(c => c.Id).SingleAsync());
        var ack = await Eventually.Until(() => Task.FromResult(acknowledged.Received.Select(r => r.Message).FirstOrDefault(e => e.CaseId == caseId)),
            e => e is not null, TimeSpan.FromSeconds(15), "CaseAcknowledged");
        Assert.Equal(reference, ack.Reference);
        Assert.Equal(person.Email, (await casework.Registered.WaitForAsync(r => r.RecipientId == ack.RecipientId)).Email);

        foreach (var step in new[] { "in-progress", "responded" })
        {
            await casework.MoveAsync(caseId, step);
        }

        await casework.MoveAsync(caseId, "closed", outcome: "partly-upheld");
        var done = await Eventually.Until(() => Task.FromResult(closed.Received.Select(r => r.Message).FirstOrDefault(e => e.CaseId == caseId)),
            e => e is not null, TimeSpan.FromSeconds(15), "CaseClosed");
        Assert.Equal((reference, Type, "partly-upheld", true), (done.Reference, done.CaseType, done.Outcome, done.WithinTimeLimit));

        var after = await FiguresThisMonthAsync();
        Assert.Equal((before.Received + 1, before.Closed + 1, before.Responded + 1, before.WithinTime + 1), after);
    }
}
