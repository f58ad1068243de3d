using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using PanelPlatform.ServiceDefaults.Auth;

namespace PanelPlatform.Platform.Tests.Browser;

/// <summary>
/// What the office console's browser tests set up through the API (a scheme, a round and applications; a resident's
/// complaint; confirmed alert subscribers), each test with data of its own so they can run side by side.
/// </summary>
public static partial class OfficeSetUp
{
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    public static string Tag() => Guid.NewGuid().ToString("N")[..10];

    public sealed record GrantRound(Guid Id, string Name, string SchemeName);

    /// <summary>A scheme and a round open now, with a budget, assessed against two weighted criteria.</summary>
    public static async Task<GrantRound> OpenRoundAsync(PlatformApp platform, string tag, decimal budget, decimal maximumAward)
    {
        var officer = platform.Client(Roles.GrantsOfficer);
        var schemeName = $"Community Safety Fund {tag}";
        var scheme = await ExpectAsync(await officer.PostAsJsonAsync("/api/grants/schemes", new
        {
            name = schemeName,
            purpose = "Funding for community groups to make their neighbourhoods safer.",
            funderName = "Police and Crime Commissioner for Derbyshire",
            funderIdentifier = "360G-derbyshirepcc-funder-pcc",
            eligibleOrganisationTypes = new[] { "charity", "community-group", "parish-town-council" },
            priorities = new[] { "neighbourhood-crime-and-asb" },
        }), HttpStatusCode.Created);
        var name = $"Office round {tag}";
        var round = await ExpectAsync(await officer.PostAsJsonAsync($"/api/grants/schemes/{scheme.GetProperty("slug").GetString()}/rounds", new
        {
            name,
            opensAt = DateTimeOffset.UtcNow.AddMinutes(-5),
            closesAt = DateTimeOffset.UtcNow.AddDays(30),
            budget,
            minimumAward = 500m,
            maximumAward,
            areas = Array.Empty<string>(),
            criteria = new object[]
            {
                new { key = "need", name = "Evidence of need", weight = 60 },
                new { key = "deliverability", name = "Project plan and deliverability", weight = 40 },
            },
            standardConditions = new object[] { new { text = "Acknowledge the Commissioner's funding in all publicity." } },
        }), HttpStatusCode.Created);
        return new GrantRound(round.GetProperty("id").GetGuid(), name, schemeName);
    }

    /// <summary>An organisation applies (anonymously, with the applicant token it is given) and submits.</summary>
    public static async Task<Guid> SubmittedApplicationAsync(PlatformApp platform, Guid roundId, string organisation, decimal amount, string area)
    {
        var started = await ExpectAsync(await platform.Client().PostAsJsonAsync($"/api/grants/rounds/{roundId}/applications", new
        {
            organisation = new { name = organisation, type = "charity", charityNumber = "1012345" },
            contact = new { name = "Jo Bloggs", email = $"secretary-{Tag()}@example.org", phone = "01246 123456" },
            projectTitle = "Youth diversion evenings",
            projectDescription = "Friday evening sports sessions with detached youth workers near the market place.",
            amountRequested = amount,
            areas = new[] { area },
            priorities = new[] { "neighbourhood-crime-and-asb" },
            startDate = DateOnly.FromDateTime(DateTime.UtcNow.AddMonths(2)),
            endDate = DateOnly.FromDateTime(DateTime.UtcNow.AddMonths(14)),
            documents = new[] { new { title = "Project budget", url = "https://documents.example/budget.pdf", documentType = "Budget" } },
        }), HttpStatusCode.Created);
        var id = started.GetProperty("application").GetProperty("id").GetGuid();
        var applicant = platform.Client();
        applicant.DefaultRequestHeaders.Add("X-Applicant-Token", started.GetProperty("applicantToken").GetString());
        await ExpectAsync(await applicant.PostAsync($"/api/grants/applications/{id}/submit", null), HttpStatusCode.OK);
        return id;
    }

    /// <summary>Assessment started and scored through the API by another officer.</summary>
    public static async Task ScoredAsync(PlatformApp platform, Guid applicationId)
    {
        var officer = platform.Client(Roles.GrantsOfficer);
        await ExpectAsync(await officer.PostAsync($"/api/grants/applications/{applicationId}/start-assessment", null), HttpStatusCode.OK);
        await ExpectAsync(await officer.PutAsJsonAsync($"/api/grants/applications/{applicationId}/scores", new
        {
            scores = new object[] { new { criterion = "need", score = 3 }, new { criterion = "deliverability", score = 3 } },
        }), HttpStatusCode.OK);
    }

    /// <summary>A resident writes to the office through the public form; the reference they are given.</summary>
    public static async Task<string> PublicCaseAsync(PlatformApp platform, string type, string name, string summary)
    {
        var receipt = await ExpectAsync(await platform.Client().PostAsJsonAsync("/api/casework/public/submissions", new
        {
            type,
            name,
            email = $"resident-{Tag()}@example.org",
            address = "1 Smedley Street, Matlock DE4 3AG",
            summary,
            description = "Cars race past the school every morning; my son was nearly hit on 3 March.",
        }), HttpStatusCode.Created);
        return receipt.GetProperty("reference").GetString()!;
    }

    /// <summary>A resident signs up to one topic by email in the given areas and groups and follows the emailed link.</summary>
    public static async Task ConfirmedSubscriberAsync(PlatformApp platform, MailInbox inbox, string topic, string[] areas, string[] groups)
    {
        var email = $"subscriber-{Tag()}@example.org";
        await ExpectAsync(await platform.Client().PostAsJsonAsync("/api/notifications/subscribers", new
        {
            email,
            frequency = "immediate",
            topics = new Dictionary<string, string[]> { [topic] = ["email"] },
            areas,
            groups,
        }), HttpStatusCode.Accepted);
        var confirmation = await inbox.WaitForAsync(email, m => m.Subject.StartsWith("Confirm", StringComparison.Ordinal), Patience);
        // Whichever page the link opens (the API's or the site's), the token in it is what confirms.
        var token = TokenPattern().Match(confirmation.Text).Groups[1].Value;
        Assert.False(string.IsNullOrEmpty(token), confirmation.Text);
        await ExpectAsync(await platform.Client().PostAsync($"/api/notifications/subscribers/confirm?token={token}", null), HttpStatusCode.OK);
    }

    [GeneratedRegex(@"token=([A-Za-z0-9_\-.%]+)")]
    private static partial Regex TokenPattern();
}
