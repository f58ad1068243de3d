using Microsoft.EntityFrameworkCore;
using PanelPlatform.Questions.Domain;
using PanelPlatform.ServiceDefaults.Messaging;

namespace PanelPlatform.Questions.Data;

public sealed class QuestionsDbContext(DbContextOptions<QuestionsDbContext> options) : DbContext(options)
{
    public DbSet<Question> Questions => Set<Question>();
    public DbSet<QuestionTransition> Transitions => Set<QuestionTransition>();
    public DbSet<KnownMeeting> Meetings => Set<KnownMeeting>();

    /// <summary>
    /// PostgreSQL keeps instants in UTC and Npgsql refuses other offsets: times that arrive in events or fixtures with
    /// a London offset (+01:00 in summer) are stored as the same instant in UTC.
    /// </summary>
    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder) =>
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<UtcConverter>();

    private sealed class UtcConverter() : Microsoft.EntityFrameworkCore.Storage.ValueConversion.ValueConverter<DateTimeOffset, DateTimeOffset>(
        value => value.ToUniversalTime(), value => value);

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.AddOutboxAndInbox();
        // Trigram similarity finds near-duplicate questions (contrib's pg_trgm; CREATE EXTENSION IF NOT EXISTS).
        modelBuilder.HasPostgresExtension("pg_trgm");

        modelBuilder.Entity<Question>(question =>
        {
            question.HasKey(q => q.Id);
            question.Property(q => q.Id).ValueGeneratedNever();
            question.Property(q => q.Kind).HasConversion<string>().HasMaxLength(20);
            question.Property(q => q.Status).HasConversion<string>().HasMaxLength(30);
            question.Property(q => q.RejectionReason).HasConversion<string>().HasMaxLength(40);
            question.Property(q => q.BodySlug).HasMaxLength(200);
            question.Property(q => q.Topic).HasMaxLength(200);
            question.Property(q => q.Text).HasMaxLength(Rules.MaxTextLength);
            question.Property(q => q.RejectionNote).HasMaxLength(Rules.MaxNoteLength);
            question.Property(q => q.Answer).HasMaxLength(Rules.MaxAnswerLength);
            question.Property(q => q.AnsweredBy).HasMaxLength(200);
            question.Property(q => q.AnswerDraftedBy).HasMaxLength(200);
            question.Property(q => q.ClientHash).HasMaxLength(64);
            question.Property(q => q.Version).IsRowVersion();
            question.OwnsOne(q => q.Asker, asker =>
            {
                asker.Property(a => a.MemberId).HasColumnName("asker_member_id");
                asker.Property(a => a.Name).HasColumnName("asker_name").HasMaxLength(200);
                asker.Property(a => a.Email).HasColumnName("asker_email").HasMaxLength(254);
                asker.Property(a => a.Postcode).HasColumnName("asker_postcode").HasMaxLength(10);
                asker.Property(a => a.Area).HasColumnName("asker_area").HasMaxLength(100);
                asker.Property(a => a.ConsentToPublishName).HasColumnName("asker_consent_to_publish_name");
                asker.HasIndex(a => a.Email).HasDatabaseName("ix_questions_asker_email");
            });
            question.Navigation(q => q.Asker).IsRequired();
            question.HasMany(q => q.History).WithOne().HasForeignKey(t => t.QuestionId).OnDelete(DeleteBehavior.Cascade);
            question.Navigation(q => q.History).HasField("_history").UsePropertyAccessMode(PropertyAccessMode.Field);
            question.HasIndex(q => new { q.MeetingId, q.Status });
            question.HasIndex(q => q.Text).HasMethod("gin").HasOperators("gin_trgm_ops");
            question.HasIndex(q => new { q.ClientHash, q.SubmittedAt });
            question.HasIndex(q => new { q.SubmittedAt, q.Id });
        });

        modelBuilder.Entity<QuestionTransition>(transition =>
        {
            transition.ToTable("question_transitions");
            transition.HasKey(t => t.Id);
            // Ids are made in the domain: a new line found in a loaded question's history is an insert, not an update.
            transition.Property(t => t.Id).ValueGeneratedNever();
            transition.Property(t => t.Action).HasMaxLength(40);
            transition.HasIndex(t => new { t.QuestionId, t.Sequence }).IsUnique();
            transition.Property(t => t.From).HasConversion<string>().HasMaxLength(30);
            transition.Property(t => t.To).HasConversion<string>().HasMaxLength(30);
            transition.Property(t => t.BySubject).HasMaxLength(200);
            transition.Property(t => t.ByName).HasMaxLength(200);
            transition.Property(t => t.Note).HasMaxLength(Rules.MaxNoteLength + 100);
        });

        modelBuilder.Entity<KnownMeeting>(meeting =>
        {
            meeting.ToTable("meetings");
            meeting.HasKey(m => m.Id);
            meeting.Property(m => m.Id).ValueGeneratedNever();
            meeting.Property(m => m.BodySlug).HasMaxLength(200);
            meeting.Property(m => m.BodyName).HasMaxLength(200);
            meeting.Property(m => m.Title).HasMaxLength(300);
            meeting.OwnsMany(m => m.AgendaItems, items => items.ToJson("agenda_items"));
        });
    }
}
