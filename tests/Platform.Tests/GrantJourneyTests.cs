using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using PanelPlatform.ServiceDefaults.Auth;

namespace PanelPlatform.Platform.Tests;

/// <summary>
/// Issue 6's journey through the gateway: a round opens, an organisation applies, an officer scores and awards, the
/// award is in the public register and the 360Giving file, and a resident subscribed to grants alerts is emailed.
/// </summary>
public sealed class GrantJourneyTests(PlatformApp platform)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    private async Task<string> SubscribeToGrantsAsync(MailInbox inbox)
    {
        var email = $"resident-{Guid.NewGuid():N}@example.org";
        await ExpectAsync(await platform.Client().PostAsJsonAsync("/api/notifications/subscribers",
            new { email, frequency = "immediate", topics = new Dictionary<string, string[]> { ["grants"] = ["email"] }, areas = new[] { "Bolsover" } }),
            HttpStatusCode.Accepted);
        var confirmation = await inbox.WaitForAsync(email, m => m.Subject.StartsWith("Confirm", StringComparison.Ordinal), Patience);
        var link = confirmation.Link($"{platform.Gateway.ToString().TrimEnd('/')}/alerts/confirm?token=");
        await ExpectAsync(await platform.Client().PostAsync($"/api/notifications/subscribers/confirm{new Uri(link).Query}", null), HttpStatusCode.OK);
        return email;
    }

    [Fact]
    public async Task A_round_opens_an_organisation_applies_is_scored_and_awarded_the_award_is_published_and_subscribers_told()
    {
        var inbox = MailInbox.Of(platform);
        var subscriber = await SubscribeToGrantsAsync(inbox);
        var officer = platform.Client(Roles.GrantsOfficer);
        var tag = Guid.NewGuid().ToString("N")[..8];

        var scheme = await ExpectAsync(await officer.PostAsJsonAsync("/api/grants/schemes", new
        {
            name = $"ASB Prevention Grant {tag}",
            purpose = "Funding for local organisations, including parish and town councils, to tackle anti-social behaviour.",
            funderName = "Police and Crime Commissioner for Derbyshire",
            funderIdentifier = "360G-derbyshirepcc-funder-pcc",
            eligibleOrganisationTypes = new[] { "charity", "community-group", "parish-town-council", "cic" },
            priorities = new[] { "neighbourhood-crime-and-asb", "road-safety" },
        }), HttpStatusCode.Created);
        var slug = scheme.GetProperty("slug").GetString()!;

        // Open now: it opened a minute ago and closes in a month.
        var round = await ExpectAsync(await officer.PostAsJsonAsync($"/api/grants/schemes/{slug}/rounds", new
        {
            name = $"Summer round {tag}",
            opensAt = DateTimeOffset.UtcNow.AddMinutes(-1),
            closesAt = DateTimeOffset.UtcNow.AddDays(30),
            budget = 100_000m,
            minimumAward = 500m,
            maximumAward = 5_000m,
            areas = Array.Empty<string>(),
            criteria = new object[]
            {
                new { key = "need", name = "Evidence of need", weight = 40 },
                new { key = "deliverability", name = "Project plan and deliverability", weight = 30 },
                new { key = "value-for-money", name = "Value for money", weight = 30 },
            },
            standardConditions = Array.Empty<object>(),
        }), HttpStatusCode.Created);
        var roundId = round.GetProperty("id").GetGuid();
        var listed = await platform.Client().GetFromJsonAsync<JsonElement>($"/api/grants/rounds/{roundId}");
        Assert.Equal("open", listed.GetProperty("status").GetString());

        // The applicant: anonymous, then the applicant token the draft returns.
        var organisation = $"Bolsover Community Watch {tag}";
        var started = await ExpectAsync(await platform.Client().PostAsJsonAsync($"/api/grants/rounds/{roundId}/applications", new
        {
            organisation = new { name = organisation, type = "charity", charityNumber = "1012345" },
            contact = new { name = "Jo Bloggs", email = $"secretary-{tag}@bolsover-watch.example", phone = "01246 123456" },
            projectTitle = "Youth diversion evenings in Shirebrook",
            projectDescription = "Friday evening sports sessions with detached youth workers, aimed at the anti-social behaviour hot spots near the market place.",
            amountRequested = 4_500m,
            areas = new[] { "Bolsover" },
            priorities = new[] { "neighbourhood-crime-and-asb" },
            startDate = DateOnly.FromDateTime(DateTime.UtcNow.AddMonths(2)),
            endDate = DateOnly.FromDateTime(DateTime.UtcNow.AddMonths(14)),
            documents = new[] { new { title = "Project budget", url = "https://documents.example/bolsover-watch/budget.pdf", documentType = "Budget" } },
        }), HttpStatusCode.Created);
        var applicationId = started.GetProperty("application").GetProperty("id").GetGuid();
        var applicant = platform.Client();
        applicant.DefaultRequestHeaders.Add("X-Applicant-Token", started.GetProperty("applicantToken").GetString());
        await ExpectAsync(await applicant.PostAsync($"/api/grants/applications/{applicationId}/submit", null), HttpStatusCode.OK);

        await ExpectAsync(await officer.PostAsync($"/api/grants/applications/{applicationId}/start-assessment", null), HttpStatusCode.OK);
        await ExpectAsync(await officer.PutAsJsonAsync($"/api/grants/applications/{applicationId}/scores", new
        {
            scores = new object[]
            {
                new { criterion = "need", score = 4 },
                new { criterion = "deliverability", score = 4 },
                new { criterion = "value-for-money", score = 5 },
            },
            comment = "Clear evidence from the Safer Neighbourhood Team.",
        }), HttpStatusCode.OK);
        var decided = await ExpectAsync(await officer.PostAsJsonAsync($"/api/grants/applications/{applicationId}/award", new
        {
            amount = 4_000m,
            decisionMaker = "Police and Crime Commissioner",
            agreement = new { title = "Grant agreement", url = $"https://www.derbyshire-pcc.gov.uk/grants/agreements/{applicationId}.pdf" },
            conditions = Array.Empty<object>(),
        }), HttpStatusCode.Created);
        var awardId = decided.GetProperty("award").GetProperty("id").GetGuid();

        var register = await platform.Client().GetFromJsonAsync<JsonElement>($"/api/grants/awards?round={roundId}");
        var inRegister = Assert.Single(register.GetProperty("items").EnumerateArray());
        Assert.Equal((awardId, organisation, 4_000m),
            (inRegister.GetProperty("id").GetGuid(), inRegister.GetProperty("recipientName").GetString(), inRegister.GetProperty("amountAwarded").GetDecimal()));
        var registerText = register.ToString();
        Assert.DoesNotContain($"secretary-{tag}", registerText, StringComparison.Ordinal);

        var openData = await platform.Client().GetFromJsonAsync<JsonElement>("/api/grants/360giving.json");
        var grant = Assert.Single(openData.GetProperty("grants").EnumerateArray(),
            g => g.GetProperty("id").GetString()!.EndsWith(awardId.ToString(), StringComparison.Ordinal));
        Assert.Equal(4_000m, grant.GetProperty("amountAwarded").GetDecimal());
        Assert.Equal("GBP", grant.GetProperty("currency").GetString());
        Assert.Contains(organisation, grant.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain($"secretary-{tag}", openData.ToString(), StringComparison.Ordinal);

        // Notifications turns GrantAwarded into a grants-topic alert: the confirmed subscriber is emailed.
        var alert = await inbox.WaitForAsync(subscriber, m => m.Subject.Contains($"awarded to {organisation}", StringComparison.Ordinal), Patience);
        Assert.Contains(organisation, alert.Text, StringComparison.Ordinal);
    }
}
