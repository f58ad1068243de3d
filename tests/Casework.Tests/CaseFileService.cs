using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using PanelPlatform.ServiceDefaults.Auth;
using PanelPlatform.TestInfrastructure;

namespace PanelPlatform.Casework.Tests;

/// <summary>
/// The service holding one person's full case file: an FOI request (paused for information with a reason, extended with
/// a reason, a note, a document, assigned) and a late complaint review (accepted with a reason, outcome and
/// recommendations recorded), linked. Every free-text field carries the person's tag.
/// </summary>
public sealed class CaseFileService(PlatformInfrastructure infrastructure) : CaseworkService(infrastructure)
{
    public Person Person { get; } = Person.Unique();
    public Guid Foi { get; private set; }
    public string FoiReference { get; private set; } = "";
    public Guid Review { get; private set; }
    public string ReviewReference { get; private set; } = "";
    public Guid DocumentId { get; private set; }

    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Casework:OutboxScrub:Interval"] = "00:00:00.200",
    };

    public override async ValueTask InitializeAsync()
    {
        await base.InitializeAsync();
        var caseworker = ClientAs("case.owner", "Casey Owner", Roles.Caseworker);
        var tag = Person.Tag;

        (Foi, FoiReference) = await OpenCaseAsync(Person, "foi-request", DateTimeOffset.UtcNow.AddDays(-3));
        await Ok(caseworker.PostAsJsonAsync($"/api/casework/cases/{Foi}/assignment", new { }));
        await MoveAsync(Foi, "acknowledged");
        await MoveAsync(Foi, "in-progress");
        await MoveAsync(Foi, "awaiting-information", reason: $"Asked which years the request covers {tag}");
        await MoveAsync(Foi, "in-progress");
        await Ok(caseworker.PostAsJsonAsync($"/api/casework/cases/{Foi}/extension", new { reason = $"Public interest test {tag}", workingDays = 10 }));
        await Ok(caseworker.PostAsJsonAsync($"/api/casework/cases/{Foi}/notes", new { text = $"Phoned the requester {tag}" }));
        var document = new ByteArrayContent(System.Text.Encoding.UTF8.GetBytes($"Request from {Person.Name} at {Person.Address}"));
        document.Headers.ContentType = new MediaTypeHeaderValue("text/plain");
        var uploaded = await Ok(caseworker.PostAsync($"/api/casework/cases/{Foi}/documents?fileName=request-{tag}.txt", document));
        DocumentId = (await uploaded.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();

        var told = DateOnly.FromDateTime(DateTime.UtcNow.AddDays(-45)).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        (Review, ReviewReference) = await OpenCaseAsync(Person, "complaint-review", DateTimeOffset.UtcNow.AddHours(-2), told);
        await MoveAsync(Review, "acknowledged");
        await Ok(caseworker.PostAsJsonAsync($"/api/casework/cases/{Review}/review/late-acceptance", new { reason = $"Letter went astray {tag}" }));
        await MoveAsync(Review, "in-progress");
        await Ok(caseworker.PostAsJsonAsync($"/api/casework/cases/{Review}/review/outcome", new { result = "not-upheld", recommendations = $"None {tag}" }));
        await Ok(caseworker.PostAsJsonAsync($"/api/casework/cases/{Review}/links", new { reference = FoiReference }));
    }

    private static async Task<HttpResponseMessage> Ok(Task<HttpResponseMessage> request)
    {
        var response = await request;
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return response;
    }
}
