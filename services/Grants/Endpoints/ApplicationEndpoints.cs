using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using PanelPlatform.Contracts.Grants;
using PanelPlatform.Contracts.Notifications;
using PanelPlatform.Grants.Access;
using PanelPlatform.Grants.Data;
using PanelPlatform.Grants.Domain;
using PanelPlatform.ServiceDefaults.Auth;
using PanelPlatform.ServiceDefaults.Http;
using PanelPlatform.ServiceDefaults.Messaging;

namespace PanelPlatform.Grants.Endpoints;

/// <summary>
/// The applicant's side: anyone may start a draft (and is given its applicant token); after that the token holder or a
/// grants officer reads, edits, submits and withdraws it. Nothing here is public.
/// </summary>
public static class ApplicationEndpoints
{
    public static IEndpointRouteBuilder MapApplicationEndpoints(this IEndpointRouteBuilder routes)
    {
        routes.MapPost("/api/grants/rounds/{roundId:guid}/applications", Start).WithTags("Applications");
        routes.MapGet("/api/grants/rounds/{roundId:guid}/applications", ListForRound).RequireAuthorization(Roles.GrantsOfficer).WithTags("Applications");
        var applications = routes.MapGroup("/api/grants/applications").WithTags("Applications");
        applications.MapGet("/{id:guid}", Get);
        applications.MapPut("/{id:guid}", Update);
        applications.MapPost("/{id:guid}/submit", Submit);
        applications.MapPost("/{id:guid}/withdraw", Withdraw);
        return routes;
    }

    public sealed record OrganisationRequest(string? Name, OrganisationType? Type, string? CharityNumber, string? CompanyNumber);

    public sealed record ContactRequest(string? Name, string? Email, string? Phone);

    public sealed record DocumentRequest(string? Title, string? Url, string? DocumentType);

    public sealed record ApplicationRequest(
        OrganisationRequest? Organisation,
        ContactRequest? Contact,
        string? ProjectTitle,
        string? ProjectDescription,
        decimal? AmountRequested,
        IReadOnlyList<string>? Areas,
        IReadOnlyList<string>? Priorities,
        DateOnly? StartDate,
        DateOnly? EndDate,
        IReadOnlyList<DocumentRequest>? Documents);

    public sealed record ApplicationResponse(
        Guid Id,
        Guid RoundId,
        ApplicationStatus Status,
        Organisation Organisation,
        ApplicantContact Contact,
        string? ProjectTitle,
        string? ProjectDescription,
        decimal? AmountRequested,
        IReadOnlyList<string> Areas,
        IReadOnlyList<string> Priorities,
        DateOnly? StartDate,
        DateOnly? EndDate,
        IReadOnlyList<SupportingDocument> Documents,
        DateTimeOffset CreatedAt,
        DateTimeOffset? SubmittedAt,
        DateTimeOffset? DecidedAt,
        string? DeclineReason,
        Guid? AwardId)
    {
        public static ApplicationResponse From(GrantApplication a, Guid? awardId = null) => new(
            a.Id, a.RoundId, a.Status, a.Organisation, a.Contact, a.ProjectTitle, a.ProjectDescription, a.AmountRequested,
            a.Areas, a.Priorities, a.StartDate, a.EndDate, a.Documents, a.CreatedAt, a.SubmittedAt, a.DecidedAt, a.DeclineReason, awardId);
    }

    /// <summary>The one response that carries the applicant token: keep it, it is not shown again.</summary>
    public sealed record StartedApplicationResponse(ApplicationResponse Application, string ApplicantToken);

    private static async Task<Results<Created<StartedApplicationResponse>, ValidationProblem, ProblemHttpResult>> Start(
        Guid roundId, ApplicationRequest request, GrantsDbContext db, ApplicantTokens tokens, TimeProvider time, CancellationToken cancellationToken)
    {
        if (Check(request) is { IsValid: false } invalid)
        {
            return invalid.ToProblem();
        }

        var round = await db.Rounds.AsNoTracking().FirstOrDefaultAsync(r => r.Id == roundId, cancellationToken);
        if (round is null)
        {
            return Problems.NotFoundProblem("Round", roundId);
        }

        var now = time.GetUtcNow();
        try
        {
            var application = GrantApplication.StartDraft(Guid.CreateVersion7(now), round, Details(request), now);
            db.Applications.Add(application);
            await db.SaveChangesAsync(cancellationToken);
            return TypedResults.Created($"/api/grants/applications/{application.Id}",
                new StartedApplicationResponse(ApplicationResponse.From(application), tokens.Issue(application.Id)));
        }
        catch (GrantRuleException rule)
        {
            return rule.ToProblem();
        }
    }

    private static async Task<Results<Ok<ApplicationResponse>, ProblemHttpResult>> Get(
        Guid id, HttpContext http, GrantsDbContext db, ApplicantTokens tokens, CancellationToken cancellationToken)
    {
        var (_, denied) = Caller.For(http, id, tokens);
        if (denied is not null)
        {
            return denied;
        }

        var application = await db.Applications.AsNoTracking().FirstOrDefaultAsync(a => a.Id == id, cancellationToken);
        if (application is null)
        {
            return Problems.NotFoundProblem("Application", id);
        }

        var awardId = await db.Awards.Where(a => a.ApplicationId == id).Select(a => (Guid?)a.Id).FirstOrDefaultAsync(cancellationToken);
        return TypedResults.Ok(ApplicationResponse.From(application, awardId));
    }

    private static async Task<Results<Ok<ApplicationResponse>, ValidationProblem, ProblemHttpResult>> Update(
        Guid id, ApplicationRequest request, HttpContext http, GrantsDbContext db, ApplicantTokens tokens, TimeProvider time,
        CancellationToken cancellationToken)
    {
        var (_, denied) = Caller.For(http, id, tokens);
        if (denied is not null)
        {
            return denied;
        }

        if (Check(request) is { IsValid: false } invalid)
        {
            return invalid.ToProblem();
        }

        var application = await db.Applications.FirstOrDefaultAsync(a => a.Id == id, cancellationToken);
        if (application is null)
        {
            return Problems.NotFoundProblem("Application", id);
        }

        var round = await db.Rounds.AsNoTracking().FirstAsync(r => r.Id == application.RoundId, cancellationToken);
        try
        {
            application.UpdateDraft(round, Details(request), time.GetUtcNow());
            await db.SaveChangesAsync(cancellationToken);
            return TypedResults.Ok(ApplicationResponse.From(application));
        }
        catch (GrantRuleException rule)
        {
            return rule.ToProblem();
        }
        catch (DbUpdateConcurrencyException)
        {
            return Problems.ConflictProblem("changed", "The application changed meanwhile", "Read it again and retry.");
        }
    }

    /// <summary>
    /// Submits a complete, eligible draft while the round is open. The contact goes to Notifications alone (a
    /// RegisterRecipient command); the event names the applicant only by that recipient id.
    /// </summary>
    private static async Task<Results<Ok<ApplicationResponse>, ProblemHttpResult>> Submit(
        Guid id, HttpContext http, GrantsDbContext db, ApplicantTokens tokens, TimeProvider time, CancellationToken cancellationToken)
    {
        var (_, denied) = Caller.For(http, id, tokens);
        if (denied is not null)
        {
            return denied;
        }

        var application = await db.Applications.FirstOrDefaultAsync(a => a.Id == id, cancellationToken);
        if (application is null)
        {
            return Problems.NotFoundProblem("Application", id);
        }

        var round = await db.Rounds.AsNoTracking().FirstAsync(r => r.Id == application.RoundId, cancellationToken);
        var scheme = await db.Schemes.AsNoTracking().FirstAsync(s => s.Slug == round.SchemeSlug, cancellationToken);
        var now = time.GetUtcNow();
        if (application.Status == ApplicationStatus.Draft && round.IsOpenAt(now) && application.SubmissionProblems(round, scheme) is { Count: > 0 } problems)
        {
            return RuleProblems.Incomplete(problems);
        }

        try
        {
            application.Submit(round, scheme, now);
        }
        catch (GrantRuleException rule)
        {
            return rule.ToProblem();
        }

        var recipientId = application.RecipientId!.Value;
        db.AddIntegrationCommand(
            new RegisterRecipient(recipientId, application.Contact.Name, application.Contact.Email, application.Contact.Phone, now),
            NotificationQueues.RegisterRecipient);
        db.AddIntegrationEvent(new GrantApplicationSubmitted(
            application.Id, round.Id, application.Organisation.Type.Code(), application.AmountRequested!.Value, application.Areas, recipientId, now));
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Problems.ConflictProblem("changed", "The application changed meanwhile", "Read it again and retry.");
        }

        return TypedResults.Ok(ApplicationResponse.From(application));
    }

    private static async Task<Results<Ok<ApplicationResponse>, ProblemHttpResult>> Withdraw(
        Guid id, HttpContext http, GrantsDbContext db, ApplicantTokens tokens, TimeProvider time, CancellationToken cancellationToken)
    {
        var (_, denied) = Caller.For(http, id, tokens);
        if (denied is not null)
        {
            return denied;
        }

        var application = await db.Applications.FirstOrDefaultAsync(a => a.Id == id, cancellationToken);
        if (application is null)
        {
            return Problems.NotFoundProblem("Application", id);
        }

        try
        {
            application.Withdraw(time.GetUtcNow());
            await db.SaveChangesAsync(cancellationToken);
            return TypedResults.Ok(ApplicationResponse.From(application));
        }
        catch (GrantRuleException rule)
        {
            return rule.ToProblem();
        }
        catch (DbUpdateConcurrencyException)
        {
            return Problems.ConflictProblem("changed", "The application changed meanwhile", "Read it again and retry.");
        }
    }

    /// <param name="OverallScore">The mean weighted score (0–5) of the assessors counted (none with a conflict); null until someone scores.</param>
    /// <param name="Assessors">How many assessors' scores count.</param>
    public sealed record ApplicationSummary(
        Guid Id, ApplicationStatus Status, string OrganisationName, OrganisationType OrganisationType, string? ProjectTitle,
        decimal? AmountRequested, IReadOnlyList<string> Areas, DateTimeOffset? SubmittedAt, decimal? OverallScore = null, int Assessors = 0);

    private sealed record ApplicationCursor(Guid Id);

    /// <summary>A round's applications for the grants officer; <c>?status=</c> filters (e.g. <c>submitted</c>).</summary>
    private static async Task<Results<Ok<Page<ApplicationSummary>>, ValidationProblem, ProblemHttpResult>> ListForRound(
        Guid roundId, GrantsDbContext db, CancellationToken cancellationToken,
        ApplicationStatus? status = null, int? limit = null, string? cursor = null)
    {
        var validation = new Validation();
        Paging.TryReadLimit(limit, validation, out var take);
        Paging.TryDecode<ApplicationCursor>(cursor, validation, out var after);
        if (!validation.IsValid)
        {
            return validation.ToProblem();
        }

        var round = await db.Rounds.AsNoTracking().FirstOrDefaultAsync(r => r.Id == roundId, cancellationToken);
        if (round is null)
        {
            return Problems.NotFoundProblem("Round", roundId);
        }

        var query = db.Applications.AsNoTracking().Where(a => a.RoundId == roundId);
        if (status is { } s)
        {
            query = query.Where(a => a.Status == s);
        }

        if (after is not null)
        {
            query = query.Where(a => a.Id.CompareTo(after.Id) > 0);
        }

        var rows = await query.OrderBy(a => a.Id).Take(take + 1).ToListAsync(cancellationToken);
        // The scores of the page's applications in two queries, so the officer's list shows where each one stands.
        var ids = rows.Select(a => a.Id).ToList();
        var sheets = (await db.Scoresheets.AsNoTracking().Where(s => ids.Contains(s.ApplicationId)).ToListAsync(cancellationToken)).ToLookup(s => s.ApplicationId);
        var conflicts = (await db.Conflicts.AsNoTracking().Where(c => ids.Contains(c.ApplicationId)).ToListAsync(cancellationToken)).ToLookup(c => c.ApplicationId);
        return TypedResults.Ok(Paging.ToPage(rows, take,
            a =>
            {
                var summary = AssessmentSummary.Of(round.Criteria, sheets[a.Id], conflicts[a.Id]);
                return new ApplicationSummary(a.Id, a.Status, a.Organisation.Name, a.Organisation.Type, a.ProjectTitle, a.AmountRequested, a.Areas,
                    a.SubmittedAt, summary.OverallScore, summary.Assessors.Count);
            },
            a => new ApplicationCursor(a.Id)));
    }

    private static Validation Check(ApplicationRequest request)
    {
        var validation = new Validation()
            .Must(request.Organisation is not null, "organisation", "organisation is required.")
            .Must(request.Contact is not null, "contact", "contact is required.")
            .Text("projectTitle", request.ProjectTitle, 300)
            .Text("projectDescription", request.ProjectDescription, 8000)
            .Money("amountRequested", request.AmountRequested, required: false)
            .Areas("areas", request.Areas)
            .Priorities("priorities", request.Priorities)
            .Must((request.Areas?.Count ?? 0) <= Districts.All.Count, "areas", "Too many areas.")
            .Must((request.Priorities?.Count ?? 0) <= PlanPriorities.All.Count, "priorities", "Too many priorities.")
            .Must(request.Documents is not { Count: > 20 }, "documents", "At most 20 supporting documents.");
        if (request.Organisation is { } organisation)
        {
            validation.Text("organisation.name", organisation.Name, 200, required: true)
                .Required("organisation.type", organisation.Type);
            if (!string.IsNullOrWhiteSpace(organisation.CharityNumber) && RegistrationNumbers.NormaliseCharityNumber(organisation.CharityNumber) is null)
            {
                validation.Add("organisation.charityNumber",
                    "A charity number is 6 or 7 digits (England and Wales), SC and 6 digits (Scotland) or NIC and 6 digits (Northern Ireland).");
            }

            if (!string.IsNullOrWhiteSpace(organisation.CompanyNumber) && RegistrationNumbers.NormaliseCompanyNumber(organisation.CompanyNumber) is null)
            {
                validation.Add("organisation.companyNumber", "A company number is 8 digits, or a register prefix such as SC, NI or OC and 6 digits.");
            }
        }

        if (request.Contact is { } contact)
        {
            validation.Text("contact.name", contact.Name, 200, required: true)
                .Email("contact.email", contact.Email)
                .Phone("contact.phone", contact.Phone);
        }

        if (request is { StartDate: { } start, EndDate: { } end } && end < start)
        {
            validation.Add("endDate", "endDate must not be before startDate.");
        }

        for (var i = 0; i < (request.Documents?.Count ?? 0) && i < 20; i++)
        {
            var document = request.Documents![i];
            validation.Text($"documents[{i}].title", document.Title, 200, required: true)
                .Link($"documents[{i}].url", document.Url, required: true)
                .Text($"documents[{i}].documentType", document.DocumentType, 100);
        }

        return validation;
    }

    private static ApplicationDetails Details(ApplicationRequest request)
    {
        var organisation = request.Organisation!;
        var contact = request.Contact!;
        return new ApplicationDetails(
            new Organisation(organisation.Name!.Trim(), organisation.Type!.Value,
                RegistrationNumbers.NormaliseCharityNumber(organisation.CharityNumber),
                RegistrationNumbers.NormaliseCompanyNumber(organisation.CompanyNumber)),
            new ApplicantContact(contact.Name!.Trim(), contact.Email!.Trim(), string.IsNullOrWhiteSpace(contact.Phone) ? null : contact.Phone.Trim()),
            string.IsNullOrWhiteSpace(request.ProjectTitle) ? null : request.ProjectTitle.Trim(),
            string.IsNullOrWhiteSpace(request.ProjectDescription) ? null : request.ProjectDescription.Trim(),
            request.AmountRequested,
            request.Areas ?? [],
            request.Priorities ?? [],
            request.StartDate,
            request.EndDate,
            (request.Documents ?? []).Select(d => new SupportingDocument(d.Title!.Trim(), d.Url!.Trim(),
                string.IsNullOrWhiteSpace(d.DocumentType) ? null : d.DocumentType.Trim())).ToList());
    }
}
