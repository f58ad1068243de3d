using System.Net.Mail;
using System.Security.Claims;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using PanelPlatform.Contracts.Notifications;
using PanelPlatform.Contracts.Questions;
using PanelPlatform.Questions.Abuse;
using PanelPlatform.Questions.Data;
using PanelPlatform.Questions.Domain;
using PanelPlatform.Questions.Duplicates;
using PanelPlatform.ServiceDefaults.Http;
using PanelPlatform.ServiceDefaults.Messaging;
using PanelPlatform.ServiceDefaults.Time;

namespace PanelPlatform.Questions.Endpoints;

/// <summary>A resident's question (anonymous, then the email link) and a member's question (clerk or member).</summary>
public static partial class SubmissionEndpoints
{
    public const string ConfirmTemplate = "question.confirm-email";

    public static IEndpointRouteBuilder MapSubmissionEndpoints(this IEndpointRouteBuilder routes)
    {
        var questions = routes.MapGroup("/api/questions").WithTags("Questions");
        questions.MapPost("/", SubmitPublic).AllowAnonymous();
        questions.MapPost("/confirm", Confirm).AllowAnonymous();
        questions.MapPost("/member", SubmitMember).RequireAuthorization(QuestionAccess.MemberQuestionPolicy);
        return routes;
    }

    public sealed record PublicQuestionRequest(
        Guid? MeetingId, string? Name, string? Email, string? Postcode, string? Area, bool? ConsentToPublishName, string? Topic, string? Text);

    public sealed record MemberQuestionRequest(Guid? MeetingId, Guid? MemberId, string? MemberName, string? Topic, string? Text);

    public sealed record ConfirmRequest(string? Token);

    private static async Task<Results<Accepted<PublicReceipt>, ValidationProblem, ProblemHttpResult>> SubmitPublic(
        PublicQuestionRequest request, HttpContext http, QuestionsDbContext db, IOptions<QuestionsOptions> options,
        ConfirmationTokens tokens, ClientAddresses clients, TimeProvider time, CancellationToken cancellationToken)
    {
        var validation = new Validation()
            .Required("meetingId", request.MeetingId)
            .Required("name", request.Name, Rules.MaxNameLength)
            .PlainText("name", request.Name)
            .Required("email", request.Email, 254)
            .Required("consentToPublishName", request.ConsentToPublishName)
            .MaxLength("area", request.Area, 100)
            .PlainText("area", request.Area);
        ValidateQuestion(validation, request.Topic, request.Text);
        if (request.Email is { Length: > 0 and <= 254 } email && !IsEmail(email))
        {
            validation.Add("email", "email must be an email address.");
        }

        if (!string.IsNullOrWhiteSpace(request.Postcode) && !Postcode().IsMatch(request.Postcode.Trim()))
        {
            validation.Add("postcode", "postcode must be a UK postcode (e.g. DE4 3AG) or its first half (e.g. DE4).");
        }

        var meeting = request.MeetingId is { } id ? await db.Meetings.AsNoTracking().FirstOrDefaultAsync(m => m.Id == id, cancellationToken) : null;
        if (request.MeetingId is not null && meeting is null)
        {
            validation.Add("meetingId", "There is no meeting with this id taking questions.");
        }

        if (!validation.IsValid)
        {
            return validation.ToProblem();
        }

        var now = time.GetUtcNow();
        var deadline = Deadlines.For(meeting!.StartsAt, options.Value.ClearDays(meeting.BodySlug, QuestionKind.Public));
        if (OpenFor(meeting, deadline, now) is { } closed)
        {
            return closed;
        }

        var limits = options.Value.Limits;
        var asker = Asker.Resident(request.Name!, request.Email!, request.Postcode, request.Area, request.ConsentToPublishName!.Value);
        var clientHash = clients.HashOf(http);

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        // Serialise submissions from one address (then one client) so two at once cannot both slip under the limit.
        await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock(5101, hashtext({asker.Email}))", cancellationToken);
        await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock(5102, hashtext({clientHash}))", cancellationToken);
        var emailSince = now - limits.PerEmailWindow;
        var clientSince = now - limits.PerClientWindow;
        if (await db.Questions.CountAsync(q => q.Asker.Email == asker.Email && q.SubmittedAt > emailSince, cancellationToken) >= limits.PerEmail)
        {
            return TooMany(http, "email", limits.PerEmail, limits.PerEmailWindow, "questions from one email address");
        }

        if (await db.Questions.CountAsync(q => q.ClientHash == clientHash && q.SubmittedAt > clientSince, cancellationToken) >= limits.PerClient)
        {
            return TooMany(http, "body", limits.PerClient, limits.PerClientWindow, "questions from one address");
        }

        var topic = TopicOr(request.Topic, meeting);
        var question = Question.SubmitPublic(meeting.Id, meeting.BodySlug, topic, request.Text!, asker, Guid.CreateVersion7(now), clientHash, now);
        db.Questions.Add(question);

        // The address goes to Notifications alone; everything after refers to the asker by RecipientId.
        db.AddIntegrationCommand(
            new RegisterRecipient(question.RecipientId!.Value, asker.Name, asker.Email, null, now), NotificationQueues.RegisterRecipient);
        db.AddIntegrationCommand(
            new SendNotice(Guid.CreateVersion7(now), question.RecipientId.Value, ConfirmTemplate, new Dictionary<string, string>
            {
                ["confirmUrl"] = options.Value.Confirmation.UrlBase + tokens.Issue(question.Id, now),
                ["meetingTitle"] = meeting.Title,
                ["meetingStartsAt"] = UkTime.ToLondon(meeting.StartsAt).ToString("O"),
                ["deadline"] = Deadlines.Describe(deadline),
                ["deadlineAt"] = UkTime.ToLondon(deadline).ToString("O"),
                ["expiresAt"] = UkTime.ToLondon(now + tokens.Lifetime).ToString("O"),
            }, now),
            NotificationQueues.SendNotice);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);

        var similarAccepted = await SimilarQuestions.AcceptedExistsAsync(
            db, meeting.Id, question.Id, question.Text, options.Value.SimilarityThreshold, cancellationToken);
        return TypedResults.Accepted((string?)null, new PublicReceipt(
            question.Id, question.Status, meeting.Id, meeting.Title, UkTime.ToLondon(deadline),
            "Thank you. We have sent you an email: follow its link to confirm your question. It will not be considered until you do.",
            similarAccepted));
    }

    private static async Task<Results<Ok<PublicReceipt>, ValidationProblem, ProblemHttpResult>> Confirm(
        ConfirmRequest request, QuestionsDbContext db, IOptions<QuestionsOptions> options, ConfirmationTokens tokens,
        TimeProvider time, CancellationToken cancellationToken)
    {
        var validation = new Validation().Required("token", request.Token, 100);
        if (!validation.IsValid)
        {
            return validation.ToProblem();
        }

        var now = time.GetUtcNow();
        var check = tokens.Check(request.Token!.Trim(), now);
        if (check.Result == ConfirmationResult.Expired)
        {
            return RuleProblem("confirmation-expired", "The link has expired",
                "This confirmation link has expired; please submit your question again.", "token");
        }

        var question = check.Result == ConfirmationResult.Valid
            ? await db.Questions.Include(q => q.History).FirstOrDefaultAsync(q => q.Id == check.QuestionId, cancellationToken)
            : null;
        if (question is null)
        {
            return validation.Add("token", "This is not a confirmation link we sent.").ToProblem();
        }

        var meeting = await db.Meetings.AsNoTracking().FirstAsync(m => m.Id == question.MeetingId, cancellationToken);
        try
        {
            if (question.ConfirmEmail(meeting.IsCancelled, now))
            {
                db.AddIntegrationEvent(new QuestionSubmitted(question.Id, question.MeetingId, KindCode(question.Kind), question.Topic, now));
                if (question.Status == QuestionStatus.NeedsReassignment)
                {
                    db.AddIntegrationEvent(new QuestionNeedsReassignment(
                        question.Id, question.MeetingId, KindCode(question.Kind), question.RecipientId, now));
                }

                await db.SaveChangesAsync(cancellationToken);
            }
        }
        catch (QuestionRuleException e)
        {
            return Problems.ConflictProblem(e.Code, "The question cannot be confirmed", e.Message);
        }
        catch (DbUpdateException e) when (ConcurrentChange.Is(e))
        {
            return Problems.ConflictProblem("concurrent-change", "The question changed meanwhile", "The question changed while you confirmed it; follow the link again.");
        }

        var deadline = Deadlines.For(meeting.StartsAt, options.Value.ClearDays(meeting.BodySlug, question.Kind));
        var similarAccepted = await SimilarQuestions.AcceptedExistsAsync(
            db, meeting.Id, question.Id, question.Text, options.Value.SimilarityThreshold, cancellationToken);
        return TypedResults.Ok(new PublicReceipt(
            question.Id, question.Status, meeting.Id, meeting.Title, UkTime.ToLondon(deadline),
            question.Status == QuestionStatus.NeedsReassignment
                ? "Thank you for confirming. The meeting has been cancelled; we will let you know which meeting your question goes to."
                : "Thank you for confirming. Your question will be considered for the meeting.",
            similarAccepted));
    }

    private static async Task<Results<Created<QuestionView>, ValidationProblem, ProblemHttpResult>> SubmitMember(
        MemberQuestionRequest request, ClaimsPrincipal user, QuestionsDbContext db, IOptions<QuestionsOptions> options,
        QuestionAccess access, TimeProvider time, CancellationToken cancellationToken)
    {
        var validation = new Validation()
            .Required("meetingId", request.MeetingId)
            .Required("memberId", request.MemberId)
            .Required("memberName", request.MemberName, Rules.MaxNameLength)
            .PlainText("memberName", request.MemberName);
        ValidateQuestion(validation, request.Topic, request.Text);
        var meeting = request.MeetingId is { } id ? await db.Meetings.AsNoTracking().FirstOrDefaultAsync(m => m.Id == id, cancellationToken) : null;
        if (request.MeetingId is not null && meeting is null)
        {
            validation.Add("meetingId", "There is no meeting with this id taking questions.");
        }

        if (!validation.IsValid)
        {
            return validation.ToProblem();
        }

        var now = time.GetUtcNow();
        var deadline = Deadlines.For(meeting!.StartsAt, options.Value.ClearDays(meeting.BodySlug, QuestionKind.Member));
        if (OpenFor(meeting, deadline, now) is { } closed)
        {
            return closed;
        }

        var question = Question.SubmitMember(
            meeting.Id, meeting.BodySlug, TopicOr(request.Topic, meeting), request.Text!,
            Asker.Member(request.MemberId!.Value, request.MemberName!), Actor.From(user), now);
        db.Questions.Add(question);
        db.AddIntegrationEvent(new QuestionSubmitted(question.Id, question.MeetingId, QuestionKinds.Member, question.Topic, now));
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Created($"/api/questions/{question.Id}",
            QuestionView.From(question, access.Moderates(user, question.BodySlug), deadline));
    }

    internal static string KindCode(QuestionKind kind) => kind == QuestionKind.Public ? QuestionKinds.Public : QuestionKinds.Member;

    private static void ValidateQuestion(Validation validation, string? topic, string? text)
    {
        validation
            .Required("text", text, Rules.MaxTextLength)
            .PlainText("text", text)
            .MaxLength("topic", topic, Rules.MaxTopicLength)
            .PlainText("topic", topic);
    }

    private static string TopicOr(string? topic, KnownMeeting meeting)
    {
        var chosen = string.IsNullOrWhiteSpace(topic) ? meeting.Title : topic.Trim();
        return chosen.Length > Rules.MaxTopicLength ? chosen[..Rules.MaxTopicLength] : chosen;
    }

    /// <summary>Null when the meeting takes questions now; else the 422 naming <c>meetingId</c>.</summary>
    private static ProblemHttpResult? OpenFor(KnownMeeting meeting, DateTimeOffset deadline, DateTimeOffset now)
    {
        if (meeting.IsCancelled)
        {
            return RuleProblem("meeting-cancelled", "The meeting has been cancelled",
                "This meeting has been cancelled and takes no questions.", "meetingId");
        }

        if (now >= deadline)
        {
            return RuleProblem(RejectionReasons.Code(RejectionReason.AfterTheDeadline), "The deadline has passed",
                $"Questions for this meeting had to arrive by {Deadlines.Describe(deadline)}.", "meetingId");
        }

        return null;
    }

    /// <summary>A 422 that still names the field, as a validation problem does.</summary>
    internal static ProblemHttpResult RuleProblem(string code, string title, string detail, string field) =>
        TypedResults.Problem(new HttpValidationProblemDetails(new Dictionary<string, string[]> { [field] = [detail] })
        {
            Status = StatusCodes.Status422UnprocessableEntity,
            Type = Problems.TypeBase + code,
            Title = title,
            Detail = detail,
        });

    private static ProblemHttpResult TooMany(HttpContext http, string field, int limit, TimeSpan window, string what)
    {
        http.Response.Headers.RetryAfter = ((int)window.TotalSeconds).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var detail = $"At most {limit} {what} in {window.TotalHours:0.#} hours; please try again later.";
        return TypedResults.Problem(new HttpValidationProblemDetails(new Dictionary<string, string[]> { [field] = [detail] })
        {
            Status = StatusCodes.Status429TooManyRequests,
            Type = Problems.TooManyRequests,
            Title = "Too many questions",
            Detail = detail,
        });
    }

    private static bool IsEmail(string value)
    {
        var trimmed = value.Trim();
        return MailAddress.TryCreate(trimmed, out var address) && address.Address == trimmed && address.DisplayName.Length == 0 &&
               address.Host.Contains('.', StringComparison.Ordinal) && !trimmed.Any(char.IsWhiteSpace);
    }

    [GeneratedRegex("^[A-Za-z]{1,2}[0-9][A-Za-z0-9]?( ?[0-9][A-Za-z]{2})?$")]
    private static partial Regex Postcode();
}
