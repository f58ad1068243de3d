using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using PanelPlatform.Contracts.Questions;
using PanelPlatform.Questions.Data;
using PanelPlatform.Questions.Domain;
using PanelPlatform.Questions.Endpoints;
using PanelPlatform.ServiceDefaults.Data;
using PanelPlatform.ServiceDefaults.Messaging;
using PanelPlatform.ServiceDefaults.Time;

namespace PanelPlatform.Questions.Seed;

/// <summary>
/// Loads the seed questions from the fixture through the same lifecycle as real ones (history included), and raises
/// the events Meetings needs to list them (QuestionAccepted, QuestionsPublished). Idempotent: what exists is skipped.
/// Meetings are written to the read model only where no event has told us of them; any real diary event overrides them.
/// </summary>
public sealed class SeedLoader(QuestionsDbContext db)
{
    public sealed record Result(int MeetingsAdded, int QuestionsAdded, int QuestionsAlreadyThere);

    private static readonly Actor Clerk = new("seed-clerk", "Democratic Services (seed)");
    private static readonly Actor Drafter = new("seed-opcc-staff", "OPCC (seed)");
    private static readonly Actor Approver = new("seed-approver", "Office of the Police and Crime Commissioner (seed)");

    public static SeedFixture ReadFixture()
    {
        using var stream = typeof(SeedLoader).Assembly.GetManifestResourceStream("PanelPlatform.Questions.Seed.questions-seed.json")
            ?? throw new InvalidOperationException("The seed fixture is not embedded.");
        return JsonSerializer.Deserialize<SeedFixture>(stream, JsonSerializerOptions.Web)
            ?? throw new InvalidOperationException("The seed fixture is empty.");
    }

    public async Task<Result> LoadAsync(CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await LoadOnceAsync(cancellationToken);
            }
            catch (DbUpdateException e) when (attempt < 3 && e.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
            {
                // Meetings' seed announces the same meetings (same ids): its MeetingScheduled was consumed meanwhile,
                // or another load ran at once. Nothing was written; the next attempt finds what they added.
                db.ChangeTracker.Clear();
            }
        }
    }

    private async Task<Result> LoadOnceAsync(CancellationToken cancellationToken)
    {
        var fixture = ReadFixture();
        var meetingsAdded = 0;
        var meetings = new Dictionary<string, KnownMeeting>(StringComparer.Ordinal);
        foreach (var seed in fixture.Meetings)
        {
            var meeting = await db.Meetings.FindAsync([seed.Id], cancellationToken);
            if (meeting is null)
            {
                meeting = KnownMeeting.Scheduled(seed.Id, seed.BodySlug, seed.BodyName, seed.Title, seed.StartsAt, DateTimeOffset.UnixEpoch);
                meeting.SetAgenda(seed.AgendaItems.Select(i => new KnownAgendaItem(i.Id, i.Number, i.Title)));
                db.Meetings.Add(meeting);
                meetingsAdded++;
            }
            else if (meeting.AgendaItems.Count == 0)
            {
                // Announced by Meetings' seed (which sends no AgendaPublished): the fixture's items carry Meetings' ids.
                meeting.SetAgenda(seed.AgendaItems.Select(i => new KnownAgendaItem(i.Id, i.Number, i.Title)));
            }

            meetings[seed.Key] = meeting;
        }

        var ids = fixture.Questions.Select(q => q.Id).ToArray();
        var existing = await db.Questions.Where(q => ids.Contains(q.Id)).Select(q => q.Id).ToListAsync(cancellationToken);
        var added = 0;
        foreach (var seed in fixture.Questions.Where(q => !existing.Contains(q.Id)))
        {
            var meeting = meetings[seed.Meeting];
            var question = Create(seed, meeting);
            db.Questions.Add(question);
            added++;
        }

        await db.SaveChangesAsync(cancellationToken);
        return new Result(meetingsAdded, added, existing.Count);
    }

    private Question Create(SeedQuestion seed, KnownMeeting meeting)
    {
        Question question;
        if (seed.Kind == QuestionKinds.Member)
        {
            var member = seed.Member ?? throw new InvalidOperationException($"{seed.Key}: a member question needs its member.");
            question = Question.SubmitMember(meeting.Id, meeting.BodySlug, seed.Topic, seed.Text, Asker.Member(member.Id, member.Name),
                Clerk, seed.SubmittedAt, seed.Id);
        }
        else
        {
            var resident = seed.Resident ?? throw new InvalidOperationException($"{seed.Key}: a public question needs its asker.");
            question = Question.SubmitPublic(meeting.Id, meeting.BodySlug, seed.Topic, seed.Text,
                Asker.Resident(resident.Name, resident.Email, resident.Postcode, resident.Area, resident.ConsentToPublishName),
                recipientId: null, clientHash: null, seed.SubmittedAt, seed.Id);
            question.ConfirmEmail(meetingCancelled: false, seed.EmailConfirmedAt ?? seed.SubmittedAt);
        }

        if (seed.AcceptedAt is not { } acceptedAt)
        {
            return question;
        }

        var itemId = meeting.AgendaItems.FirstOrDefault(i => seed.AgendaItem is not null && i.ItemId == ItemId(seed.AgendaItem))?.ItemId;
        question.Accept(itemId, Clerk, acceptedAt);
        var kind = SubmissionEndpoints.KindCode(question.Kind);
        db.AddIntegrationEvent(new QuestionAccepted(
            question.Id, meeting.Id, question.AgendaItemId, kind, question.Topic, question.Text, question.Asker.PublishedName,
            question.RecipientId, acceptedAt));

        if (seed.Answer is { } answer)
        {
            question.DraftAnswer(answer.Text, answer.AnsweredBy, Drafter, answer.DraftedAt);
            question.ApproveAnswer(publishEarly: false, Approver, answer.ApprovedAt);
            if (seed.PublishedAt is { } publishedAt)
            {
                question.Publish(meeting.StartsAt, Approver, publishedAt);
                db.AddIntegrationEvent(new QuestionsPublished(meeting.Id,
                [
                    new PublishedQuestion(question.Id, kind, question.AgendaItemId, question.Asker.PublishedName, question.Text,
                        answer.Text, answer.AnsweredBy),
                ], publishedAt, meeting.BodyName, meeting.Title, UkTime.ToLondon(meeting.StartsAt)));
            }
        }

        return question;
    }

    private static Guid ItemId(string key) => DeterministicIds.ForName(DeterministicIds.UrlBase + key);
}
