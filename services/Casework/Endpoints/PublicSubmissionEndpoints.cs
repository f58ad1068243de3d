using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using PanelPlatform.Casework.Domain;
using PanelPlatform.ServiceDefaults.Http;
using PanelPlatform.ServiceDefaults.Time;

namespace PanelPlatform.Casework.Endpoints;

/// <summary><c>Casework:PublicForm</c>.</summary>
public sealed class PublicFormOptions
{
    public const string SectionName = "Casework:PublicForm";

    /// <summary>Acknowledge web-form submissions at once (the resident is emailed their reference straight away).</summary>
    public bool AcknowledgeImmediately { get; set; } = true;
}

/// <summary>
/// The public web form: a resident writes to the office or complains, anonymously. The same bad-input rules as every
/// form (sizes, plain text, no markup), limited per address at the gateway; the answer is the reference alone.
/// </summary>
public static class PublicSubmissionEndpoints
{
    public static readonly IReadOnlySet<CaseType> PublicTypes = new HashSet<CaseType>
    {
        CaseType.Correspondence, CaseType.ComplaintChiefConstable, CaseType.ComplaintReview, CaseType.ComplaintAboutPcc,
    };

    public static RouteGroupBuilder MapPublicSubmissionEndpoints(this RouteGroupBuilder casework)
    {
        casework.MapPost("/public/submissions", Submit).AllowAnonymous();
        return casework;
    }

    public sealed record PublicSubmissionRequest(
        CaseType? Type,
        string? Name,
        string? Email,
        string? Phone,
        string? Address,
        string? Summary,
        string? Description,
        DateOnly? ForceOutcomeNotifiedOn);

    /// <summary>
    /// What the resident gets back: their reference, when it was received and the office's time limits for it (so the
    /// page can say what happens next, and by when); no case content.
    /// </summary>
    /// <param name="AcknowledgeBy">The last day for the acknowledgment (London date).</param>
    /// <param name="RespondBy">The last day for the full response, counted from receipt in England and Wales working days.</param>
    /// <param name="RespondWithin">The time limit in words, e.g. "20 working days".</param>
    public sealed record SubmissionReceipt(
        string Reference, DateTimeOffset ReceivedAt, bool AcknowledgmentSent, DateOnly AcknowledgeBy, DateOnly? RespondBy, string RespondWithin);

    private static async Task<Results<Created<SubmissionReceipt>, ValidationProblem>> Submit(
        PublicSubmissionRequest request, CaseIntake intake, IOptions<PublicFormOptions> options, TimeProvider time, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var validation = new Validation()
            .Required("type", request.Type)
            .Subject("", request.Name, request.Email, request.Phone, request.Address, emailRequired: true)
            .Text("summary", request.Summary, InputRules.SummaryMax, required: true)
            .Text("description", request.Description, InputRules.PublicDescriptionMax, required: true);
        if (request.Type is { } type && !PublicTypes.Contains(type))
        {
            validation.Add("type", $"type must be one of: {string.Join(", ", PublicTypes.Select(t => t.Kebab()))}.");
        }

        CaseEndpoints.ValidateReviewDate(validation, request.Type, request.ForceOutcomeNotifiedOn, now);
        if (!validation.IsValid)
        {
            return validation.ToProblem();
        }

        var acknowledge = options.Value.AcknowledgeImmediately;
        var @case = await intake.OpenAsync(
            new NewCase(request.Type!.Value, CaseChannel.WebForm, now, new Subject(request.Name, request.Email, request.Phone, request.Address),
                request.Summary!, request.Description, request.ForceOutcomeNotifiedOn),
            "public", acknowledge, cancellationToken);
        return TypedResults.Created((string?)null, new SubmissionReceipt(
            @case.Reference, UkTime.ToLondon(@case.ReceivedAt), acknowledge, @case.AcknowledgeDueOn, @case.RespondDueOn,
            new ClockTarget(@case.RespondUnit, @case.RespondAmount).ToString()));
    }
}
