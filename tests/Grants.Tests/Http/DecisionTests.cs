using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using PanelPlatform.Contracts.Grants;
using PanelPlatform.Grants.Domain;
using PanelPlatform.Grants.Tests.Support;
using PanelPlatform.TestInfrastructure;

namespace PanelPlatform.Grants.Tests.Http;

/// <summary>Assessment, awards, declines, approvals, payments and the monitoring report.</summary>
public sealed class DecisionTests(GrantsService grants) : IClassFixture<GrantsService>
{
    private async Task<Guid> OpenRoundAsync(decimal maximum = 5_000m, object[]? conditions = null) =>
        (await grants.Api.CreateRoundAsync(await grants.Api.CreateSchemeAsync(), maximumAward: maximum, standardConditions: conditions))
        .GetProperty("id").GetGuid();

    [Fact]
    public async Task Several_assessors_score_and_one_who_declares_an_interest_is_excluded()
    {
        var round = await OpenRoundAsync();
        var (id, token) = await grants.Api.StartAsync(round);
        await grants.Api.SubmitAsync(id, token);
        await grants.Api.StartAssessmentAsync(id);
        var one = grants.Api.Assessor("assessor-1", "Sam Patel");
        var two = grants.Api.Assessor("assessor-2", "Alex Moore");
        var three = grants.Api.Assessor("assessor-3", "Chris Evans");

        await Api.Expect(await one.PutAsJsonAsync($"/api/grants/applications/{id}/scores", Api.Scores(5, 5, 5, 5, 5)), HttpStatusCode.OK);
        await Api.Expect(await two.PutAsJsonAsync($"/api/grants/applications/{id}/scores", Api.Scores(3, 3, 3, 3, 3)), HttpStatusCode.OK);
        await Api.Expect(await three.PutAsJsonAsync($"/api/grants/applications/{id}/scores", Api.Scores(0, 0, 0, 0, 0)), HttpStatusCode.OK);
        var before = await grants.Api.Officer.GetFromJsonAsync<JsonElement>($"/api/grants/applications/{id}/assessment");
        await Api.Expect(await three.PostAsJsonAsync($"/api/grants/applications/{id}/conflicts", new { interest = "I am a trustee of the applicant." }), HttpStatusCode.OK);
        var rescore = await three.PutAsJsonAsync($"/api/grants/applications/{id}/scores", Api.Scores());
        var after = await grants.Api.Officer.GetFromJsonAsync<JsonElement>($"/api/grants/applications/{id}/assessment");

        Assert.Equal(2.67m, before.GetProperty("summary").GetProperty("overallScore").GetDecimal());
        await Problem.AssertAsync(rescore, HttpStatusCode.Conflict, "conflict-of-interest");
        Assert.Equal(4m, after.GetProperty("summary").GetProperty("overallScore").GetDecimal());
        Assert.Equal(["Sam Patel", "Alex Moore"], after.GetProperty("summary").GetProperty("assessors").EnumerateArray().Select(a => a.GetProperty("assessorName").GetString()));
        Assert.Equal(["assessor-3"], after.GetProperty("summary").GetProperty("excludedAssessors").EnumerateArray().Select(a => a.GetString()));
        Assert.Equal("I am a trustee of the applicant.", after.GetProperty("conflicts")[0].GetProperty("interest").GetString());
    }

    [Fact]
    public async Task A_rounds_application_list_gives_each_ones_overall_score_and_the_assessors_counted()
    {
        var round = await OpenRoundAsync();
        var (scored, scoredToken) = await grants.Api.StartAsync(round, Api.Application(organisation: "Shirebrook Youth Club"));
        await grants.Api.SubmitAsync(scored, scoredToken);
        await grants.Api.StartAssessmentAsync(scored);
        var (unscored, unscoredToken) = await grants.Api.StartAsync(round, Api.Application(organisation: "Clowne Parish Council", type: "parish-town-council", charityNumber: null));
        await grants.Api.SubmitAsync(unscored, unscoredToken);
        var one = grants.Api.Assessor("list-assessor-1", "Sam Patel");
        var two = grants.Api.Assessor("list-assessor-2", "Alex Moore");
        await Api.Expect(await one.PutAsJsonAsync($"/api/grants/applications/{scored}/scores", Api.Scores(5, 5, 5, 5, 5)), HttpStatusCode.OK);
        await Api.Expect(await two.PutAsJsonAsync($"/api/grants/applications/{scored}/scores", Api.Scores(0, 0, 0, 0, 0)), HttpStatusCode.OK);
        // The second assessor then declares an interest: their zeros no longer count.
        await Api.Expect(await two.PostAsJsonAsync($"/api/grants/applications/{scored}/conflicts", new { interest = "My sister runs the club." }), HttpStatusCode.OK);

        var list = await grants.Api.Officer.GetFromJsonAsync<JsonElement>($"/api/grants/rounds/{round}/applications");

        var items = list.GetProperty("items").EnumerateArray().ToDictionary(i => i.GetProperty("id").GetGuid());
        Assert.Equal(2, items.Count);
        Assert.Equal(("under-assessment", 5m, 1), (items[scored].GetProperty("status").GetString(), items[scored].GetProperty("overallScore").GetDecimal(),
            items[scored].GetProperty("assessors").GetInt32()));
        Assert.Equal(("submitted", JsonValueKind.Null, 0), (items[unscored].GetProperty("status").GetString(), items[unscored].GetProperty("overallScore").ValueKind,
            items[unscored].GetProperty("assessors").GetInt32()));
        // Still the officer's list alone: nobody else reads scores.
        Assert.Equal(HttpStatusCode.Unauthorized, (await grants.Api.Client().GetAsync($"/api/grants/rounds/{round}/applications")).StatusCode);
    }

    [Fact]
    public async Task Scores_are_refused_before_assessment_starts_and_when_they_do_not_fit_the_criteria()
    {
        var round = await OpenRoundAsync();
        var (id, token) = await grants.Api.StartAsync(round);
        await grants.Api.SubmitAsync(id, token);

        var early = await grants.Api.Officer.PutAsJsonAsync($"/api/grants/applications/{id}/scores", Api.Scores());
        await grants.Api.StartAssessmentAsync(id);
        var unknown = await grants.Api.Officer.PutAsJsonAsync($"/api/grants/applications/{id}/scores",
            new { scores = new[] { new { criterion = "need", score = 3 } } });
        var outOfRange = await grants.Api.Officer.PutAsJsonAsync($"/api/grants/applications/{id}/scores", Api.Scores(need: 6));

        await Problem.AssertAsync(early, HttpStatusCode.Conflict, "not-under-assessment");
        await Problem.AssertAsync(unknown, HttpStatusCode.UnprocessableEntity, "invalid-scores");
        await Problem.AssertNamesFieldAsync(outOfRange, HttpStatusCode.BadRequest, "scores[0].score", "score 6");
        Assert.Equal(0, await grants.QueryAsync(db => db.Scoresheets.CountAsync(s => s.ApplicationId == id)));
    }

    [Fact]
    public async Task An_award_publishes_GrantAwarded_and_the_applicant_sees_it()
    {
        var round = await OpenRoundAsync();
        await using var awarded = await EventCollector<GrantAwarded>.StartAsync(grants.Infrastructure, e => e.RoundId == round);
        var (id, token) = await grants.Api.AssessedApplicationAsync(round, Api.Application(amount: 4_500m, areas: ["Bolsover", "North East Derbyshire"]));

        var award = await grants.Api.AwardAsync(id, 4_000m);

        var awardId = award.GetProperty("award").GetProperty("id").GetGuid();
        await awarded.WaitForAsync(1, TimeSpan.FromSeconds(15));
        Assert.False(await awarded.MoreThanAsync(1, TimeSpan.FromSeconds(1)));
        var e = awarded.Received.Single().Message;
        Assert.Equal(awardId, e.AwardId);
        Assert.Equal(id, e.ApplicationId);
        Assert.Equal(4_000m, e.Amount);
        Assert.Equal("Bolsover Community Watch", e.RecipientOrganisation);
        Assert.Equal(["Bolsover", "North East Derbyshire"], e.Areas);
        var submitted = await grants.QueryAsync(db => db.Applications.Where(a => a.Id == id).Select(a => a.RecipientId).SingleAsync());
        Assert.Equal(submitted, e.RecipientId);
        var mine = await grants.Api.Applicant(token).GetFromJsonAsync<JsonElement>($"/api/grants/applications/{id}");
        Assert.Equal("awarded", mine.GetProperty("status").GetString());
        Assert.Equal(awardId, mine.GetProperty("awardId").GetGuid());
        Assert.Equal(4_000m, await grants.QueryAsync(db => db.Rounds.Where(r => r.Id == round).Select(r => r.AwardedTotal).SingleAsync()));
        await Problem.AssertAsync(await grants.Api.Officer.PostAsJsonAsync($"/api/grants/applications/{id}/award", new { amount = 100 }),
            HttpStatusCode.Conflict, "not-under-assessment");
    }

    [Fact]
    public async Task An_award_above_the_maximum_or_the_request_or_without_a_score_is_refused_and_stores_nothing()
    {
        var round = await OpenRoundAsync(maximum: 3_500m);
        var (id, _) = await grants.Api.AssessedApplicationAsync(round, Api.Application(amount: 3_000m));
        var (unscored, unscoredToken) = await grants.Api.StartAsync(round, Api.Application(amount: 3_000m));
        await grants.Api.SubmitAsync(unscored, unscoredToken);
        await grants.Api.StartAssessmentAsync(unscored);
        var before = await grants.CountsAsync();

        var aboveMaximum = await grants.Api.Officer.PostAsJsonAsync($"/api/grants/applications/{id}/award", new { amount = 3_500.01m });
        var aboveRequest = await grants.Api.Officer.PostAsJsonAsync($"/api/grants/applications/{id}/award", new { amount = 3_000.01m });
        var zero = await grants.Api.Officer.PostAsJsonAsync($"/api/grants/applications/{id}/award", new { amount = 0 });
        var notScored = await grants.Api.Officer.PostAsJsonAsync($"/api/grants/applications/{unscored}/award", new { amount = 1_000 });
        var future = await grants.Api.Officer.PostAsJsonAsync($"/api/grants/applications/{id}/award",
            new { amount = 1_000, decisionDate = DateOnly.FromDateTime(DateTime.UtcNow.AddDays(3)) });

        await Problem.AssertAsync(aboveMaximum, HttpStatusCode.UnprocessableEntity, "award-above-maximum");
        await Problem.AssertAsync(aboveRequest, HttpStatusCode.UnprocessableEntity, "award-above-request");
        await Problem.AssertNamesFieldAsync(zero, HttpStatusCode.BadRequest, "amount", "zero award");
        await Problem.AssertAsync(notScored, HttpStatusCode.Conflict, "not-assessed");
        await Problem.AssertNamesFieldAsync(future, HttpStatusCode.BadRequest, "decisionDate", "future decision");
        Assert.Equal(before, await grants.CountsAsync());
        Assert.Equal(0m, await grants.QueryAsync(db => db.Rounds.Where(r => r.Id == round).Select(r => r.AwardedTotal).SingleAsync()));
    }

    [Fact]
    public async Task A_decline_publishes_the_reason_and_the_applicant_reads_it()
    {
        var round = await OpenRoundAsync();
        await using var declined = await EventCollector<GrantApplicationDeclined>.StartAsync(grants.Infrastructure, e => e.RoundId == round);
        var (id, token) = await grants.Api.AssessedApplicationAsync(round);
        const string reason = "The project duplicates the Safer Neighbourhood Team's diversion scheme in the same area.";

        var response = await grants.Api.Officer.PostAsJsonAsync($"/api/grants/applications/{id}/decline", new { reason });
        var noReason = await grants.Api.Officer.PostAsJsonAsync($"/api/grants/applications/{id}/decline", new { reason = " " });

        await Api.Expect(response, HttpStatusCode.OK);
        await Problem.AssertNamesFieldAsync(noReason, HttpStatusCode.BadRequest, "reason", "blank reason");
        await declined.WaitForAsync(1, TimeSpan.FromSeconds(15));
        var e = declined.Received.Single().Message;
        Assert.Equal(id, e.ApplicationId);
        Assert.Equal(reason, e.Reason);
        Assert.NotNull(e.RecipientId);
        var mine = await grants.Api.Applicant(token).GetFromJsonAsync<JsonElement>($"/api/grants/applications/{id}");
        Assert.Equal("declined", mine.GetProperty("status").GetString());
        Assert.Equal(reason, mine.GetProperty("declineReason").GetString());
        Assert.DoesNotContain("overallScore", mine.GetRawText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Payment_waits_for_the_highway_authority_to_approve_the_sign_locations()
    {
        var round = await OpenRoundAsync(maximum: 3_500m, conditions:
        [
            new { text = "Speed indicator sign locations approved by the highway authority.", requiresApprovalBy = "Derbyshire County Council (highway authority)" },
        ]);
        var (id, token) = await grants.Api.AssessedApplicationAsync(round, Api.Application(
            organisation: "Tideswell Parish Council", type: "parish-town-council", charityNumber: null, amount: 3_200m,
            areas: ["Derbyshire Dales"], priorities: ["road-safety"]));
        var award = await grants.Api.AwardAsync(id, 3_200m);
        var awardId = award.GetProperty("award").GetProperty("id").GetGuid();
        var condition = award.GetProperty("conditions")[0];
        Assert.True(award.GetProperty("paymentBlocked").GetBoolean());

        var blocked = await grants.Api.Officer.PostAsJsonAsync($"/api/grants/awards/{awardId}/payments", new { amount = 1_600 });
        var approvedAt = DateTimeOffset.UtcNow.AddHours(-2);
        var approval = await grants.Api.Officer.PostAsJsonAsync($"/api/grants/awards/{awardId}/conditions/{condition.GetProperty("id").GetGuid()}/approval",
            new { approvedBy = "Highways Development Control, Derbyshire County Council", approvedAt });
        var first = await grants.Api.Officer.PostAsJsonAsync($"/api/grants/awards/{awardId}/payments", new { amount = 1_600, reference = "PO-2022-0417" });
        var second = await grants.Api.Officer.PostAsJsonAsync($"/api/grants/awards/{awardId}/payments", new { amount = 1_600 });
        var over = await grants.Api.Officer.PostAsJsonAsync($"/api/grants/awards/{awardId}/payments", new { amount = 0.01 });

        var problem = await Problem.AssertAsync(blocked, HttpStatusCode.Conflict, "payment-blocked");
        Assert.Contains("Derbyshire County Council (highway authority)", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        await Api.Expect(approval, HttpStatusCode.OK);
        var approved = (await approval.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("conditions")[0];
        Assert.Equal("Highways Development Control, Derbyshire County Council", approved.GetProperty("approvedBy").GetString());
        Assert.Equal(approvedAt.ToUnixTimeMilliseconds(), approved.GetProperty("approvedAt").GetDateTimeOffset().ToUnixTimeMilliseconds());
        Assert.Equal("test-grants-officer", approved.GetProperty("approvalRecordedBy").GetString());
        await Api.Expect(first, HttpStatusCode.Created);
        await Api.Expect(second, HttpStatusCode.Created);
        await Problem.AssertAsync(over, HttpStatusCode.Conflict, "overpayment");
        var administration = await grants.Api.Officer.GetFromJsonAsync<JsonElement>($"/api/grants/awards/{awardId}/administration");
        Assert.Equal(3_200m, administration.GetProperty("paidTotal").GetDecimal());
        Assert.False(administration.GetProperty("paymentBlocked").GetBoolean());
        Assert.Equal(2, administration.GetProperty("payments").GetArrayLength());

        var report = await grants.Api.Applicant(token).PostAsJsonAsync($"/api/grants/awards/{awardId}/monitoring-report",
            new { summary = "Two signs installed on the B6049; average speeds down 4 mph.", amountSpent = 3_180.50m });
        var again = await grants.Api.Applicant(token).PostAsJsonAsync($"/api/grants/awards/{awardId}/monitoring-report",
            new { summary = "Again", amountSpent = 1 });
        await Api.Expect(report, HttpStatusCode.Created);
        await Problem.AssertAsync(again, HttpStatusCode.Conflict, "report-exists");
        var stored = await grants.QueryAsync(db => db.Awards.Where(a => a.Id == awardId).Select(a => a.MonitoringReport).SingleAsync());
        Assert.Equal(3_180.50m, stored!.AmountSpent);
    }
}
