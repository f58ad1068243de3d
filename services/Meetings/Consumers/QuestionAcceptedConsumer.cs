using MassTransit;
using Microsoft.EntityFrameworkCore;
using PanelPlatform.Contracts.Questions;
using PanelPlatform.Meetings.Data;
using PanelPlatform.Meetings.Domain;

namespace PanelPlatform.Meetings.Consumers;

/// <summary>Keeps an accepted question (its published asker name, never the asker's contact) for its meeting's page.</summary>
public sealed class QuestionAcceptedConsumer(MeetingsDbContext db) : IConsumer<QuestionAccepted>
{
    public async Task Consume(ConsumeContext<QuestionAccepted> context)
    {
        var accepted = context.Message;
        var question = await db.Questions.FindAsync([accepted.QuestionId], context.CancellationToken);
        if (question is null)
        {
            question = new MeetingQuestion { QuestionId = accepted.QuestionId };
            db.Questions.Add(question);
        }

        question.MeetingId = accepted.MeetingId;
        question.AgendaItemId = accepted.AgendaItemId;
        question.Kind = accepted.Kind;
        question.Topic = Clip(accepted.Topic, 300);
        question.Text = accepted.Text;
        question.AskedBy = Clip(accepted.AskedBy, 200);
        question.AcceptedAt = accepted.OccurredAt;
        await db.SaveChangesAsync(context.CancellationToken);
    }

    internal static string Clip(string value, int length) => value.Length <= length ? value : value[..length];
}

/// <summary>Adds the published answers to the meeting's questions (a question published without an earlier acceptance is added whole).</summary>
public sealed class QuestionsPublishedConsumer(MeetingsDbContext db) : IConsumer<QuestionsPublished>
{
    public async Task Consume(ConsumeContext<QuestionsPublished> context)
    {
        var published = context.Message;
        var ids = published.Questions.Select(q => q.QuestionId).ToList();
        var known = await db.Questions.Where(q => ids.Contains(q.QuestionId)).ToDictionaryAsync(q => q.QuestionId, context.CancellationToken);
        foreach (var item in published.Questions)
        {
            if (!known.TryGetValue(item.QuestionId, out var question))
            {
                question = new MeetingQuestion { QuestionId = item.QuestionId, AcceptedAt = published.OccurredAt };
                db.Questions.Add(question);
            }

            question.MeetingId = published.MeetingId;
            question.AgendaItemId = item.AgendaItemId ?? question.AgendaItemId;
            question.Kind = item.Kind;
            question.Text = item.Text;
            question.AskedBy = QuestionAcceptedConsumer.Clip(item.AskedBy, 200);
            question.Answer = item.Answer;
            question.AnsweredBy = QuestionAcceptedConsumer.Clip(item.AnsweredBy, 200);
            question.PublishedAt = published.OccurredAt;
        }

        await db.SaveChangesAsync(context.CancellationToken);
    }
}
