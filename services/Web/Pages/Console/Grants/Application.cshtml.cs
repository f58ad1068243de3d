using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using PanelPlatform.ServiceDefaults.Auth;
using PanelPlatform.Web.Gateway;
using PanelPlatform.Web.Govuk;

namespace PanelPlatform.Web.Pages.Console.Grants;

/// <summary>
/// One application as the grants officer works it: its details, the assessment (start it, declare an interest, score
/// each criterion 0–5) and the decision (award within the round's limits and budget, with conditions, or decline
/// with a reason) — with the round's remaining budget in view throughout. Each form posts to its own handler, is
/// checked here first and then by the API, whose refusals are shown beside the fields, keeping what was typed.
/// </summary>
[Authorize(Policy = Roles.GrantsOfficer)]
public sealed class ApplicationModel(PanelApi api) : PageModel
{
    public sealed class ConflictForm
    {
        public string? Interest { get; set; }
    }

    public sealed class ScoreInput
    {
        public string? Criterion { get; set; }

        public string? Score { get; set; }
    }

    public sealed class ScoreForm
    {
        public List<ScoreInput> Scores { get; set; } = [];

        public string? Comment { get; set; }
    }

    public sealed class AwardForm
    {
        public string? Amount { get; set; }

        public string? DecisionMaker { get; set; }

        public string? AgreementTitle { get; set; }

        public string? AgreementUrl { get; set; }

        /// <summary>Which of the round's standard conditions apply (their positions).</summary>
        public List<string> StandardConditions { get; set; } = [];

        /// <summary>Further conditions, one a line.</summary>
        public string? OtherConditions { get; set; }
    }

    public sealed class DeclineForm
    {
        public string? Reason { get; set; }
    }

    public ApplicationView Application { get; private set; } = null!;

    public RoundView Round { get; private set; } = null!;

    public AssessmentView? Assessment { get; private set; }

    public AwardView? Award { get; private set; }

    public ConflictForm Conflict { get; set; } = new();

    public ScoreForm Scoring { get; set; } = new();

    public AwardForm Awarding { get; set; } = new();

    public DeclineForm Decline { get; set; } = new();

    /// <summary>The signed-in officer's own declaration of interest, if they made one.</summary>
    public ConflictView? MyConflict => Assessment?.Conflicts.FirstOrDefault(c => c.AssessorId == Me);

    public AssessorResult? MyScores => Assessment?.Summary.Assessors.FirstOrDefault(a => a.AssessorId == Me);

    public IEnumerable<SelectListItem> ScoreChoices => Enumerable.Range(0, 6).Select(i => new SelectListItem(i.ToString(CultureInfo.InvariantCulture), i.ToString(CultureInfo.InvariantCulture)));

    public IEnumerable<SelectListItem> StandardConditionChoices => Round.StandardConditions.Select((c, i) =>
        new SelectListItem(c.RequiresApprovalBy is null ? c.Text : $"{c.Text} (needs approval by {c.RequiresApprovalBy})", i.ToString(CultureInfo.InvariantCulture)));

    /// <summary>The most this application can be awarded: the round's maximum, what was asked for, what is left.</summary>
    public decimal Ceiling => Math.Min(Math.Min(Round.MaximumAward, Application.AmountRequested ?? Round.MaximumAward), Round.Remaining);

    private string Me => User.FindFirst("sub")?.Value ?? "";

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        PrefillForms();
        return Page();
    }

    public async Task<IActionResult> OnPostStartAssessmentAsync(Guid id, CancellationToken cancellationToken)
    {
        var result = await api.PostAsync<AssessmentView>($"api/grants/applications/{id}/start-assessment", null, cancellationToken);
        if (!result.Ok)
        {
            return await ShowAsync(id, () => ModelState.AddModelError("", Plain(result.Problem!)), cancellationToken);
        }

        ConsoleBanner.Show(TempData, "Assessment started", "Declare any interest you have, then score each criterion.");
        return RedirectToPage(new { id });
    }

    public async Task<IActionResult> OnPostConflictAsync(Guid id, CancellationToken cancellationToken)
    {
        await TryUpdateModelAsync(Conflict, nameof(Conflict));
        ModelState.Clear();
        if (string.IsNullOrWhiteSpace(Conflict.Interest))
        {
            ModelState.AddModelError("Conflict.Interest", "Describe your interest in this application");
        }
        else if (Conflict.Interest.Trim().Length > 2000)
        {
            ModelState.AddModelError("Conflict.Interest", "Your interest must be 2,000 characters or fewer");
        }

        if (!ModelState.IsValid)
        {
            return await ShowAsync(id, null, cancellationToken);
        }

        var result = await api.PostAsync<AssessmentView>($"api/grants/applications/{id}/conflicts", new { interest = Conflict.Interest!.Trim() }, cancellationToken);
        if (!result.Ok)
        {
            return await ShowAsync(id, () => AddProblem(result.Problem!, new() { ["interest"] = "Conflict.Interest" }), cancellationToken);
        }

        ConsoleBanner.Show(TempData, "Interest declared", "You are out of this application's assessment; any scores you gave no longer count.");
        return RedirectToPage(new { id });
    }

    public async Task<IActionResult> OnPostScoresAsync(Guid id, CancellationToken cancellationToken)
    {
        await TryUpdateModelAsync(Scoring, nameof(Scoring));
        ModelState.Clear();
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        var scores = new List<object>();
        for (var i = 0; i < Scoring.Scores.Count; i++)
        {
            var input = Scoring.Scores[i];
            if (!int.TryParse(input.Score, NumberStyles.None, CultureInfo.InvariantCulture, out var score) || score is < 0 or > 5)
            {
                ModelState.AddModelError($"Scoring.Scores[{i}].Score", $"Select a score from 0 to 5 for {CriterionName(input.Criterion)}");
                continue;
            }

            scores.Add(new { criterion = input.Criterion, score });
        }

        if (Scoring.Comment?.Trim().Length > 4000)
        {
            ModelState.AddModelError("Scoring.Comment", "Your comment must be 4,000 characters or fewer");
        }

        if (Scoring.Scores.Count == 0)
        {
            ModelState.AddModelError("", "Score each criterion");
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var result = await api.PutAsync<AssessmentView>($"api/grants/applications/{id}/scores",
            new { scores, comment = string.IsNullOrWhiteSpace(Scoring.Comment) ? null : Scoring.Comment.Trim() }, cancellationToken);
        if (!result.Ok)
        {
            var fields = Enumerable.Range(0, Scoring.Scores.Count).ToDictionary(i => $"scores[{i}].score", i => $"Scoring.Scores[{i}].Score");
            fields["comment"] = "Scoring.Comment";
            return await ShowAsync(id, () => AddProblem(result.Problem!, fields), cancellationToken);
        }

        var overall = result.Value!.Summary.OverallScore;
        ConsoleBanner.Show(TempData, "Scores saved", $"The application's overall score is now {GrantStatus.Score(overall)}.");
        return RedirectToPage(new { id });
    }

    public async Task<IActionResult> OnPostAwardAsync(Guid id, CancellationToken cancellationToken)
    {
        await TryUpdateModelAsync(Awarding, nameof(Awarding));
        ModelState.Clear();
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        var amount = CheckAward();
        var conditions = new List<object>();
        foreach (var position in Awarding.StandardConditions)
        {
            if (int.TryParse(position, NumberStyles.None, CultureInfo.InvariantCulture, out var i) && i < Round.StandardConditions.Count)
            {
                conditions.Add(new { text = Round.StandardConditions[i].Text, requiresApprovalBy = Round.StandardConditions[i].RequiresApprovalBy });
            }
        }

        foreach (var line in (Awarding.OtherConditions ?? "").Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            conditions.Add(new { text = line, requiresApprovalBy = (string?)null });
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var agreement = string.IsNullOrWhiteSpace(Awarding.AgreementTitle) && string.IsNullOrWhiteSpace(Awarding.AgreementUrl)
            ? null
            : new { title = Awarding.AgreementTitle?.Trim(), url = Awarding.AgreementUrl?.Trim() };
        var result = await api.PostAsync<System.Text.Json.JsonElement>($"api/grants/applications/{id}/award", new
        {
            amount,
            decisionMaker = string.IsNullOrWhiteSpace(Awarding.DecisionMaker) ? null : Awarding.DecisionMaker.Trim(),
            agreement,
            conditions,
        }, cancellationToken);
        if (!result.Ok)
        {
            // The budget may have moved meanwhile (another officer's award): show it as it is now.
            await LoadAsync(id, cancellationToken);
            AddProblem(result.Problem!, new()
            {
                ["amount"] = "Awarding.Amount",
                ["decisionMaker"] = "Awarding.DecisionMaker",
                ["agreement.title"] = "Awarding.AgreementTitle",
                ["agreement.url"] = "Awarding.AgreementUrl",
                ["conditions"] = "Awarding.OtherConditions",
            });
            return Page();
        }

        var round = (await api.GetAsync<RoundView>($"api/grants/rounds/{Round.Id}", cancellationToken)).Required("the round");
        ConsoleBanner.Show(TempData, $"Grant of {Display.Money(amount!.Value)} awarded to {Application.Organisation.Name}",
            $"The round's remaining budget is now {Display.Money(round.Remaining)} (it was {Display.Money(Round.Remaining)}). The award is in the public register.");
        return RedirectToPage(new { id });
    }

    public async Task<IActionResult> OnPostDeclineAsync(Guid id, CancellationToken cancellationToken)
    {
        await TryUpdateModelAsync(Decline, nameof(Decline));
        ModelState.Clear();
        if (string.IsNullOrWhiteSpace(Decline.Reason))
        {
            ModelState.AddModelError("Decline.Reason", "Enter the reason the application is declined");
        }
        else if (Decline.Reason.Trim().Length > 4000)
        {
            ModelState.AddModelError("Decline.Reason", "The reason must be 4,000 characters or fewer");
        }

        if (!ModelState.IsValid)
        {
            return await ShowAsync(id, null, cancellationToken);
        }

        var result = await api.PostAsync<ApplicationView>($"api/grants/applications/{id}/decline", new { reason = Decline.Reason!.Trim() }, cancellationToken);
        if (!result.Ok)
        {
            return await ShowAsync(id, () => AddProblem(result.Problem!, new() { ["reason"] = "Decline.Reason" }), cancellationToken);
        }

        ConsoleBanner.Show(TempData, "Application declined", "The applicant is told the reason.");
        return RedirectToPage(new { id });
    }

    /// <summary>The amount as pounds and pence, checked against what this page knows (the API checks again).</summary>
    private decimal? CheckAward()
    {
        var text = (Awarding.Amount ?? "").Trim().TrimStart('£').Replace(",", "", StringComparison.Ordinal);
        if (text.Length == 0)
        {
            ModelState.AddModelError("Awarding.Amount", "Enter the amount to award");
            return null;
        }

        if (!decimal.TryParse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var amount) || decimal.Round(amount, 2) != amount)
        {
            ModelState.AddModelError("Awarding.Amount", "Enter the amount in pounds and pence, like 4000 or 4000.50");
            return null;
        }

        if (amount <= 0)
        {
            ModelState.AddModelError("Awarding.Amount", "The amount must be more than £0");
        }
        else if (amount > Round.MaximumAward)
        {
            ModelState.AddModelError("Awarding.Amount", $"The amount must be {Display.Money(Round.MaximumAward)} or less, the round's maximum award");
        }
        else if (Application.AmountRequested is { } requested && amount > requested)
        {
            ModelState.AddModelError("Awarding.Amount", $"The amount must be {Display.Money(requested)} or less, what the applicant asked for");
        }

        if (string.IsNullOrWhiteSpace(Awarding.AgreementTitle) != string.IsNullOrWhiteSpace(Awarding.AgreementUrl))
        {
            ModelState.AddModelError(string.IsNullOrWhiteSpace(Awarding.AgreementTitle) ? "Awarding.AgreementTitle" : "Awarding.AgreementUrl",
                "Give both the agreement's title and its web address, or neither");
        }

        // A budget too small is left to the API: only it knows the total at the moment of the award.
        return amount;
    }

    private async Task<IActionResult> ShowAsync(Guid id, Action? addErrors, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        addErrors?.Invoke();
        return Page();
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        var application = await api.GetAsync<ApplicationView>($"api/grants/applications/{id}", cancellationToken);
        if (application.NotFound)
        {
            return false;
        }

        Application = application.Required("the application");
        Round = (await api.GetAsync<RoundView>($"api/grants/rounds/{Application.RoundId}", cancellationToken)).Required("the round");
        Assessment = (await api.GetAsync<AssessmentView>($"api/grants/applications/{id}/assessment", cancellationToken)).Required("the assessment");
        Award = Application.AwardId is { } awardId
            ? (await api.GetAsync<AwardView>($"api/grants/awards/{awardId}", cancellationToken)).Required("the award")
            : null;
        if (Scoring.Scores.Count == 0)
        {
            Scoring.Scores = Round.Criteria.Select(c => new ScoreInput { Criterion = c.Key }).ToList();
        }

        return true;
    }

    private void PrefillForms()
    {
        if (MyScores is { } mine)
        {
            Scoring.Scores = Round.Criteria.Select(c => new ScoreInput
            {
                Criterion = c.Key,
                Score = mine.Scores.FirstOrDefault(s => s.Criterion == c.Key)?.Score.ToString(CultureInfo.InvariantCulture),
            }).ToList();
            Scoring.Comment = mine.Comment;
        }

        Awarding.StandardConditions = Round.StandardConditions.Select((_, i) => i.ToString(CultureInfo.InvariantCulture)).ToList();
        if (Application.AmountRequested is { } requested)
        {
            Awarding.Amount = Math.Min(requested, Round.MaximumAward).ToString("0.##", CultureInfo.InvariantCulture);
        }
    }

    private string CriterionName(string? key) => Round.Criteria.FirstOrDefault(c => c.Key == key)?.Name ?? key ?? "this criterion";

    private void AddProblem(ApiProblem problem, Dictionary<string, string> fields)
    {
        var code = problem.Type?[(problem.Type.LastIndexOf('/') + 1)..];
        switch (code)
        {
            case "budget-exceeded":
                ModelState.AddModelError("Awarding.Amount", $"The round's budget cannot cover this award. {problem.Detail}");
                return;
            case "award-above-maximum" or "award-above-request" or "award-amount":
                ModelState.AddModelError("Awarding.Amount", $"{problem.Title}. {problem.Detail}");
                return;
            case null or "validation":
                ModelState.AddApiProblem(problem, fields);
                return;
            default:
                ModelState.AddModelError("", Plain(problem));
                return;
        }
    }

    /// <summary>A refusal that names no field, in words: what happened, and what to do.</summary>
    private static string Plain(ApiProblem problem)
    {
        var code = problem.Type?[(problem.Type.LastIndexOf('/') + 1)..];
        return code switch
        {
            "already-decided" or "not-decidable" => "This application has already been decided, perhaps by someone else just now. Read it again below.",
            "not-under-assessment" => "This application is not under assessment, so it cannot be scored or awarded. Read it again below.",
            "not-submitted" => "Only a submitted application can be assessed.",
            "not-assessed" => "Nobody has scored this application yet: at least one assessor without a conflict of interest must score it before it is awarded.",
            "conflict-of-interest" => "You declared an interest in this application, so you cannot score it.",
            "conflict-declared" => "You have already declared an interest in this application.",
            "changed" => "Someone else changed this application at the same moment. Read it again below and retry.",
            _ => string.Join(" ", new[] { problem.Title, problem.Detail }.Where(t => !string.IsNullOrWhiteSpace(t)).Select(t => t!.TrimEnd('.') + ".")),
        };
    }
}
