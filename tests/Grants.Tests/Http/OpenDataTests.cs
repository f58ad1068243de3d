using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using PanelPlatform.Grants.Tests.Support;

namespace PanelPlatform.Grants.Tests.Http;

/// <summary>The public register of awards and the 360Giving export: every award, and nothing private.</summary>
public sealed class OpenDataTests(GrantsService grants) : IClassFixture<GrantsService>
{
    private const string ContactEmail = "treasurer@private-contact.example";
    private const string ScoreComment = "Clear evidence from the Safer Neighbourhood Team.";

    /// <summary>Two rounds, three awards (a charity in two districts, a CIC, a parish council), a declined and a draft application.</summary>
    private async Task<(Guid AsbRound, Guid RoadRound, string Tag)> AwardsAsync()
    {
        var tag = Guid.NewGuid().ToString("N")[..6];
        var asb = (await grants.Api.CreateRoundAsync(await grants.Api.CreateSchemeAsync())).GetProperty("id").GetGuid();
        var road = (await grants.Api.CreateRoundAsync(await grants.Api.CreateSchemeAsync(priorities: ["road-safety"]), maximumAward: 3_500m)).GetProperty("id").GetGuid();
        var (charity, _) = await grants.Api.AssessedApplicationAsync(asb, Api.Application(
            organisation: $"Bolsover Community Watch {tag}", amount: 4_500m, areas: ["Bolsover", "Chesterfield"], email: ContactEmail));
        await grants.Api.AwardAsync(charity, 4_500m);
        var (cic, _) = await grants.Api.AssessedApplicationAsync(asb, new
        {
            organisation = new { name = $"Erewash Youth CIC {tag}", type = "cic", companyNumber = "08123456" },
            contact = new { name = "Pat Private", email = ContactEmail },
            projectTitle = "Detached youth work, Long Eaton",
            projectDescription = "Youth workers on Friday and Saturday nights, with \"safe space\" sessions, in Long Eaton and Ilkeston.",
            amountRequested = 3_000m,
            areas = new[] { "Erewash" },
            priorities = new[] { "neighbourhood-crime-and-asb" },
            startDate = "2022-12-01",
            endDate = "2023-05-31",
        });
        await grants.Api.AwardAsync(cic, 2_750.50m);
        var (parish, _) = await grants.Api.AssessedApplicationAsync(road, Api.Application(
            organisation: $"Tideswell Parish Council {tag}", type: "parish-town-council", charityNumber: null, amount: 3_200m,
            areas: ["Derbyshire Dales"], priorities: ["road-safety"], email: ContactEmail));
        await grants.Api.AwardAsync(parish, 3_200m);
        var (declined, _) = await grants.Api.AssessedApplicationAsync(asb, Api.Application(organisation: $"Declined Group {tag}", email: ContactEmail));
        await Api.Expect(await grants.Api.Officer.PostAsJsonAsync($"/api/grants/applications/{declined}/decline", new { reason = "Outside the scheme." }), HttpStatusCode.OK);
        await grants.Api.StartAsync(asb, Api.Application(organisation: $"Draft Group {tag}", email: ContactEmail));
        return (asb, road, tag);
    }

    [Fact]
    public async Task The_360Giving_file_validates_against_the_official_schema_and_holds_every_award_with_its_required_fields()
    {
        var (_, _, tag) = await AwardsAsync();

        var response = await grants.Api.Client().GetAsync("/api/grants/360giving.json");
        var text = await response.Content.ReadAsStringAsync();
        var document = JsonDocument.Parse(text).RootElement;

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(ThreeSixtyGivingSchema.Errors(document));
        var grantsOut = document.GetProperty("grants").EnumerateArray().Where(g => g.GetProperty("recipientOrganization")[0].GetProperty("name").GetString()!.EndsWith(tag, StringComparison.Ordinal)).ToList();
        Assert.Equal(3, grantsOut.Count);
        foreach (var grant in grantsOut)
        {
            Assert.Matches("^360G-derbyshirepcc-[0-9a-f-]{36}$", grant.GetProperty("id").GetString());
            Assert.Equal("GBP", grant.GetProperty("currency").GetString());
            Assert.Matches(@"^\d{4}-\d{2}-\d{2}$", grant.GetProperty("awardDate").GetString());
            Assert.Equal("360G-derbyshirepcc-funder-pcc", grant.GetProperty("fundingOrganization")[0].GetProperty("id").GetString());
            Assert.Equal("Police and Crime Commissioner for Derbyshire", grant.GetProperty("fundingOrganization")[0].GetProperty("name").GetString());
            Assert.True(grant.GetProperty("plannedDates")[0].TryGetProperty("startDate", out _));
            Assert.Equal("Yes", grant.GetProperty("fromOpenCall").GetString());
            Assert.Equal("Grant Agreement", grant.GetProperty("relatedDocument")[0].GetProperty("documentType").GetString());
        }

        var charity = grantsOut.Single(g => g.GetProperty("recipientOrganization")[0].GetProperty("name").GetString()!.StartsWith("Bolsover", StringComparison.Ordinal));
        Assert.Equal("GB-CHC-1012345", charity.GetProperty("recipientOrganization")[0].GetProperty("id").GetString());
        Assert.Equal(4_500m, charity.GetProperty("amountAwarded").GetDecimal());
        Assert.Equal([("Bolsover", "E07000033"), ("Chesterfield", "E07000034")],
            charity.GetProperty("beneficiaryLocation").EnumerateArray().Select(l => (l.GetProperty("name").GetString(), l.GetProperty("geoCode").GetString())));
        var cic = grantsOut.Single(g => g.GetProperty("recipientOrganization")[0].GetProperty("name").GetString()!.StartsWith("Erewash", StringComparison.Ordinal));
        Assert.Equal("GB-COH-08123456", cic.GetProperty("recipientOrganization")[0].GetProperty("id").GetString());
        Assert.Equal(2_750.50m, cic.GetProperty("amountAwarded").GetDecimal());
        Assert.Equal(6, cic.GetProperty("plannedDates")[0].GetProperty("duration").GetInt32());
        var parish = grantsOut.Single(g => g.GetProperty("recipientOrganization")[0].GetProperty("name").GetString()!.StartsWith("Tideswell", StringComparison.Ordinal));
        Assert.StartsWith("360G-derbyshirepcc-org-tideswell-parish-council", parish.GetProperty("recipientOrganization")[0].GetProperty("id").GetString(), StringComparison.Ordinal);

        AssertNothingPrivate(text, tag);
    }

    [Fact]
    public async Task The_validator_is_not_a_rubber_stamp_it_rejects_a_grant_missing_a_required_field_or_with_a_bad_date()
    {
        await AwardsAsync();
        var document = JsonNode.Parse(await grants.Api.Client().GetStringAsync("/api/grants/360giving.json"))!;
        var withoutFunder = document.DeepClone();
        withoutFunder["grants"]![0]!.AsObject().Remove("fundingOrganization");
        var badDate = document.DeepClone();
        badDate["grants"]![0]!["awardDate"] = "14/10/2022";
        var badCurrency = document.DeepClone();
        badCurrency["grants"]![0]!["currency"] = "XXQ";

        Assert.NotEmpty(ThreeSixtyGivingSchema.Errors(JsonSerializer.SerializeToElement(withoutFunder)));
        Assert.NotEmpty(ThreeSixtyGivingSchema.Errors(JsonSerializer.SerializeToElement(badDate)));
        Assert.NotEmpty(ThreeSixtyGivingSchema.Errors(JsonSerializer.SerializeToElement(badCurrency)));
    }

    [Fact]
    public async Task The_360Giving_csv_has_the_standards_column_titles_and_one_row_per_award()
    {
        var (_, _, tag) = await AwardsAsync();

        var response = await grants.Api.Client().GetAsync("/api/grants/360giving.csv");
        var csv = await response.Content.ReadAsStringAsync();
        var lines = csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        var header = lines[0].Split(',');

        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        foreach (var column in new[] { "Identifier", "Title", "Description", "Currency", "Amount Awarded", "Award Date", "Recipient Org:Identifier",
                     "Recipient Org:Name", "Funding Org:Identifier", "Funding Org:Name", "Planned Dates:Start Date", "Planned Dates:End Date",
                     "Beneficiary Location:0:Name", "Beneficiary Location:0:Geographic Code", "Beneficiary Location:1:Name" })
        {
            Assert.Contains(column, header);
        }

        var cic = Assert.Single(lines, l => l.Contains($"Erewash Youth CIC {tag}", StringComparison.Ordinal));
        Assert.Contains("\"Youth workers on Friday and Saturday nights, with \"\"safe space\"\" sessions, in Long Eaton and Ilkeston.\"", cic, StringComparison.Ordinal);
        Assert.Contains(",GBP,3000.00,2750.50,", cic, StringComparison.Ordinal);
        Assert.Equal(3, lines.Count(l => l.Contains(tag, StringComparison.Ordinal)));
        AssertNothingPrivate(csv, tag);
    }

    [Fact]
    public async Task The_public_register_filters_by_round_area_organisation_and_year_with_totals_and_shows_nothing_private()
    {
        var (asb, road, tag) = await AwardsAsync();
        var client = grants.Api.Client();
        var year = DateTime.UtcNow.Year;

        var byRound = await client.GetFromJsonAsync<JsonElement>($"/api/grants/awards?round={asb}");
        var byArea = await client.GetFromJsonAsync<JsonElement>($"/api/grants/awards?round={asb}&area=erewash");
        var byOrganisation = await client.GetFromJsonAsync<JsonElement>($"/api/grants/awards?organisation=tideswell parish council {tag}");
        var byYear = await client.GetFromJsonAsync<JsonElement>($"/api/grants/awards?round={road}&year={year}");
        var otherYear = await client.GetFromJsonAsync<JsonElement>($"/api/grants/awards?round={road}&year={year - 1}");
        var paged = await client.GetFromJsonAsync<JsonElement>($"/api/grants/awards?round={asb}&limit=1");
        var next = await client.GetFromJsonAsync<JsonElement>($"/api/grants/awards?round={asb}&limit=1&cursor={paged.GetProperty("nextCursor").GetString()}");
        var badArea = await client.GetAsync("/api/grants/awards?area=Sheffield");

        Assert.Equal(2, byRound.GetProperty("totals").GetProperty("awards").GetInt32());
        Assert.Equal(7_250.50m, byRound.GetProperty("totals").GetProperty("amountAwarded").GetDecimal());
        Assert.Equal($"Erewash Youth CIC {tag}", Assert.Single(byArea.GetProperty("items").EnumerateArray()).GetProperty("recipientName").GetString());
        Assert.Equal(2_750.50m, byArea.GetProperty("totals").GetProperty("amountAwarded").GetDecimal());
        Assert.Equal(3_200m, Assert.Single(byOrganisation.GetProperty("items").EnumerateArray()).GetProperty("amountAwarded").GetDecimal());
        Assert.Equal(1, byYear.GetProperty("totals").GetProperty("awards").GetInt32());
        Assert.Equal(0, otherYear.GetProperty("totals").GetProperty("awards").GetInt32());
        Assert.Single(paged.GetProperty("items").EnumerateArray());
        Assert.Equal(2, paged.GetProperty("totals").GetProperty("awards").GetInt32());
        Assert.NotEqual(paged.GetProperty("items")[0].GetProperty("id").GetGuid(), next.GetProperty("items")[0].GetProperty("id").GetGuid());
        await Problem.AssertNamesFieldAsync(badArea, HttpStatusCode.BadRequest, "area", "not a district");

        var all = await client.GetStringAsync("/api/grants/awards?limit=200");
        AssertNothingPrivate(all, tag);
        var award = await client.GetStringAsync($"/api/grants/awards/{byArea.GetProperty("items")[0].GetProperty("id").GetGuid()}");
        AssertNothingPrivate(award, tag);
    }

    [Fact]
    public async Task The_register_totals_are_overall_by_district_and_by_scheme_and_follow_the_filters()
    {
        var (asb, road, _) = await AwardsAsync();
        var client = grants.Api.Client();
        var year = DateTime.UtcNow.Year;

        var ofAsb = await client.GetFromJsonAsync<JsonElement>($"/api/grants/awards/totals?round={asb}");
        var ofRoad = await client.GetFromJsonAsync<JsonElement>($"/api/grants/awards/totals?round={road}&year={year}");
        var otherYear = await client.GetFromJsonAsync<JsonElement>($"/api/grants/awards/totals?round={road}&year={year - 1}");
        var everything = await client.GetFromJsonAsync<JsonElement>("/api/grants/awards/totals");
        var badYear = await client.GetAsync("/api/grants/awards/totals?year=22");

        Assert.Equal((2, 7_250.50m), (ofAsb.GetProperty("awards").GetInt32(), ofAsb.GetProperty("amountAwarded").GetDecimal()));
        var areas = ofAsb.GetProperty("byArea").EnumerateArray()
            .ToDictionary(a => a.GetProperty("area").GetString()!, a => (a.GetProperty("awards").GetInt32(), a.GetProperty("amountAwarded").GetDecimal()));
        Assert.Equal(9, areas.Count); // every district, those with nothing at 0
        Assert.Equal((1, 4_500m), areas["Bolsover"]); // the charity's award serves Bolsover and Chesterfield: counted in full in each
        Assert.Equal((1, 4_500m), areas["Chesterfield"]);
        Assert.Equal((1, 2_750.50m), areas["Erewash"]);
        Assert.Equal((0, 0m), areas["High Peak"]);
        var scheme = Assert.Single(ofAsb.GetProperty("byScheme").EnumerateArray());
        Assert.Equal((2, 7_250.50m), (scheme.GetProperty("awards").GetInt32(), scheme.GetProperty("amountAwarded").GetDecimal()));
        Assert.False(string.IsNullOrEmpty(scheme.GetProperty("schemeName").GetString()));
        Assert.Equal(3_200m, ofRoad.GetProperty("amountAwarded").GetDecimal());
        Assert.Equal(3_200m, ofRoad.GetProperty("byArea").EnumerateArray().Single(a => a.GetProperty("area").GetString() == "Derbyshire Dales").GetProperty("amountAwarded").GetDecimal());
        Assert.Equal(0, otherYear.GetProperty("awards").GetInt32());
        Assert.True(everything.GetProperty("amountAwarded").GetDecimal() >= 10_450.50m);
        Assert.Equal(everything.GetProperty("amountAwarded").GetDecimal(),
            everything.GetProperty("byScheme").EnumerateArray().Sum(s => s.GetProperty("amountAwarded").GetDecimal()));
        await Problem.AssertNamesFieldAsync(badYear, HttpStatusCode.BadRequest, "year", "calendar year");
    }

    [Fact]
    public async Task The_public_cannot_list_or_read_applications_assessments_or_award_administration()
    {
        var (asb, _, _) = await AwardsAsync();
        var client = grants.Api.Client();
        var award = (await client.GetFromJsonAsync<JsonElement>($"/api/grants/awards?round={asb}")).GetProperty("items")[0];

        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync($"/api/grants/rounds/{asb}/applications")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync($"/api/grants/awards/{award.GetProperty("id").GetGuid()}/administration")).StatusCode);
        var round = await client.GetStringAsync($"/api/grants/rounds/{asb}");
        AssertNothingPrivate(round, "");
    }

    /// <summary>No contact, no declined or draft application, no score or assessor in what the public receives.</summary>
    private static void AssertNothingPrivate(string published, string tag)
    {
        Assert.DoesNotContain(ContactEmail, published, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("Jo Bloggs", published, StringComparison.Ordinal);
        Assert.DoesNotContain("Pat Private", published, StringComparison.Ordinal);
        Assert.DoesNotContain("01246 123456", published, StringComparison.Ordinal);
        Assert.DoesNotContain(ScoreComment, published, StringComparison.Ordinal);
        Assert.DoesNotContain("score", published, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("test-grants-officer", published, StringComparison.Ordinal);
        Assert.DoesNotContain("Outside the scheme.", published, StringComparison.Ordinal);
        if (tag.Length > 0)
        {
            Assert.DoesNotContain($"Declined Group {tag}", published, StringComparison.Ordinal);
            Assert.DoesNotContain($"Draft Group {tag}", published, StringComparison.Ordinal);
        }
    }
}
