using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using PanelPlatform.Questions.Domain;
using PanelPlatform.ServiceDefaults.Auth;
using PanelPlatform.ServiceDefaults.Http;

namespace PanelPlatform.Questions.Endpoints;

/// <summary>
/// Who may do what. Moderating (seeing askers' contact details, accepting, rejecting, withdrawing, reassigning,
/// exporting) belongs to the body's moderator role: <c>clerk</c> for the Police and Crime Panel, <c>opcc-staff</c> for
/// the Commissioner's Performance Scrutiny Meetings (configured per body). Answers are drafted by <c>opcc-staff</c>
/// and approved by a designated approver (<c>Questions:AnswerApprovers</c>) or <c>admin</c>, never by their author.
/// </summary>
public sealed class QuestionAccess(IOptions<QuestionsOptions> options)
{
    /// <summary>Staff who work on questions at all: a policy in front of every staff endpoint.</summary>
    public const string StaffPolicy = "questions-staff";

    /// <summary>Who may put a member's question in: the clerk (as today, by email) or the member.</summary>
    public const string MemberQuestionPolicy = "questions-member-submission";

    private static readonly QuestionStatus[] AnswerStage = [QuestionStatus.Accepted, QuestionStatus.Answered, QuestionStatus.Published];

    public bool Moderates(ClaimsPrincipal user, string bodySlug) =>
        user.IsInRole(Roles.Admin) || user.IsInRole(options.Value.ModeratorRole(bodySlug));

    public bool Answers(ClaimsPrincipal user) => user.IsInRole(Roles.Admin) || user.IsInRole(Roles.OpccStaff);

    public bool Approves(ClaimsPrincipal user) =>
        user.IsInRole(Roles.Admin) ||
        (user.IsInRole(Roles.OpccStaff) && options.Value.AnswerApprovers.Contains(user.FindFirstValue("sub") ?? "", StringComparer.Ordinal));

    /// <summary>Moderators see their body's questions; answer writers see accepted questions of every body (without contacts).</summary>
    public bool CanSee(ClaimsPrincipal user, Question question) =>
        question.IsVisibleToStaff && (Moderates(user, question.BodySlug) || (Answers(user) && AnswerStage.Contains(question.Status)));

    public IReadOnlyList<string> ModeratedBodies(ClaimsPrincipal user) =>
        options.Value.Bodies.Where(b => user.IsInRole(b.Value.ModeratorRole ?? options.Value.DefaultModeratorRole)).Select(b => b.Key).ToList();

    public bool ModeratesUnlistedBodies(ClaimsPrincipal user) => user.IsInRole(Roles.Admin) || user.IsInRole(options.Value.DefaultModeratorRole);

    public IReadOnlyList<string> ConfiguredBodies => options.Value.Bodies.Keys.ToList();

    public static ProblemHttpResult Forbidden(string detail) =>
        TypedResults.Problem(title: "Not allowed", detail: detail, statusCode: StatusCodes.Status403Forbidden, type: Problems.Forbidden);

    public static void AddPolicies(IServiceCollection services) =>
        services.AddAuthorizationBuilder()
            .AddPolicy(StaffPolicy, p => p.RequireRole(Roles.Clerk, Roles.OpccStaff, Roles.Admin))
            .AddPolicy(MemberQuestionPolicy, p => p.RequireRole(Roles.Clerk, Roles.PanelMember, Roles.Admin));
}
