using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using PanelPlatform.Casework.Domain;
using PanelPlatform.Casework.Security;
using PanelPlatform.ServiceDefaults.Messaging;

namespace PanelPlatform.Casework.Data;

public sealed class CaseworkDbContext(DbContextOptions<CaseworkDbContext> options, FieldCipher cipher) : DbContext(options)
{
    public const string AuditTable = "personal_data_read";

    public FieldCipher Cipher { get; } = cipher;

    public DbSet<Case> Cases => Set<Case>();
    public DbSet<CasePause> Pauses => Set<CasePause>();
    public DbSet<CaseNote> Notes => Set<CaseNote>();
    public DbSet<CaseDocument> Documents => Set<CaseDocument>();
    public DbSet<CaseLink> Links => Set<CaseLink>();
    public DbSet<Caseworker> Caseworkers => Set<Caseworker>();
    public DbSet<PersonalDataRead> PersonalDataReads => Set<PersonalDataRead>();
    public DbSet<DeadlineAlert> DeadlineAlerts => Set<DeadlineAlert>();
    public DbSet<ReferenceCounter> ReferenceCounters => Set<ReferenceCounter>();

    protected override void OnConfiguring(DbContextOptionsBuilder optionsBuilder) =>
        // The model holds value converters bound to this service's cipher: one model per cipher, not one per process.
        optionsBuilder.ReplaceService<IModelCacheKeyFactory, CipherModelCacheKeyFactory>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.AddOutboxAndInbox();
        var cipher = Cipher;

        modelBuilder.Entity<Case>(c =>
        {
            c.ToTable("cases");
            c.HasKey(x => x.Id);
            c.Property(x => x.Id).ValueGeneratedNever();
            c.Property<uint>("Version").IsRowVersion().HasColumnName("xmin").HasColumnType("xid");
            c.Property(x => x.Reference).HasMaxLength(20);
            c.HasIndex(x => x.Reference).IsUnique();
            c.Property(x => x.Type).HasConversion<string>().HasMaxLength(40);
            c.Property(x => x.Channel).HasConversion<string>().HasMaxLength(20);
            c.Property(x => x.Status).HasConversion<string>().HasMaxLength(30);
            c.Property(x => x.Outcome).HasConversion<string>().HasMaxLength(30);
            c.Property(x => x.RespondUnit).HasConversion<string>().HasMaxLength(20);
            c.Property(x => x.ReviewResult).HasConversion<string>().HasMaxLength(20);
            c.Property(x => x.CreatedBy).HasMaxLength(200);
            c.Property(x => x.SubjectEmailFingerprint).HasMaxLength(64);
            c.Property(x => x.SubjectPhoneFingerprint).HasMaxLength(64);
            Encrypt(c.Property(x => x.SubjectName), "cases.subject_name", cipher);
            Encrypt(c.Property(x => x.SubjectEmail), "cases.subject_email", cipher);
            Encrypt(c.Property(x => x.SubjectPhone), "cases.subject_phone", cipher);
            Encrypt(c.Property(x => x.SubjectAddress), "cases.subject_address", cipher);
            Encrypt(c.Property(x => x.Summary), "cases.summary", cipher);
            Encrypt(c.Property(x => x.Description), "cases.description", cipher);
            Encrypt(c.Property(x => x.ExtensionReason), "cases.extension_reason", cipher);
            Encrypt(c.Property(x => x.LateAcceptanceReason), "cases.late_acceptance_reason", cipher);
            Encrypt(c.Property(x => x.ReviewRecommendations), "cases.review_recommendations", cipher);
            c.HasMany(x => x.Pauses).WithOne().HasForeignKey(p => p.CaseId);
            c.Navigation(x => x.Pauses).UsePropertyAccessMode(PropertyAccessMode.Field).AutoInclude();
            c.HasOne<Caseworker>().WithMany().HasForeignKey(x => x.AssigneeId);
            c.HasIndex(x => new { x.ReceivedAt, x.Id });
            c.HasIndex(x => new { x.NextDueOn, x.Id });
            c.HasIndex(x => x.Status);
            c.HasIndex(x => x.AssigneeId);
            c.HasIndex(x => x.SubjectEmailFingerprint);
            c.HasIndex(x => x.SubjectPhoneFingerprint);
            c.HasIndex(x => x.ClosedAt).HasFilter("anonymised_at IS NULL AND closed_at IS NOT NULL");
        });

        modelBuilder.Entity<CasePause>(p =>
        {
            p.ToTable("case_pauses");
            p.HasKey(x => x.Id);
            p.Property(x => x.Id).ValueGeneratedNever();
            Encrypt(p.Property(x => x.Reason), "case_pauses.reason", cipher);
        });

        modelBuilder.Entity<CaseNote>(n =>
        {
            n.ToTable("case_notes");
            n.HasKey(x => x.Id);
            n.Property(x => x.Id).ValueGeneratedNever();
            n.HasOne<Case>().WithMany().HasForeignKey(x => x.CaseId);
            n.Property(x => x.AuthorSubject).HasMaxLength(200);
            n.Property(x => x.AuthorName).HasMaxLength(200);
            Encrypt(n.Property(x => x.Text), "case_notes.text", cipher);
            n.HasIndex(x => new { x.CaseId, x.CreatedAt });
        });

        modelBuilder.Entity<CaseDocument>(d =>
        {
            d.ToTable("case_documents");
            d.HasKey(x => x.Id);
            d.Property(x => x.Id).ValueGeneratedNever();
            d.HasOne<Case>().WithMany().HasForeignKey(x => x.CaseId);
            d.Property(x => x.ContentType).HasMaxLength(100);
            d.Property(x => x.UploadedBy).HasMaxLength(200);
            Encrypt(d.Property(x => x.FileName), "case_documents.file_name", cipher);
            // A document's bytes are replaced (on erasure, by null), never changed in place: comparing the reference is
            // enough (a structural comparer would keep a copy of every loaded file as its snapshot).
            d.Property(x => x.Content).HasConversion((ValueConverter)new ValueConverter<byte[], byte[]>(
                    v => cipher.Encrypt(v, "case_documents.content"), v => cipher.Decrypt(v, "case_documents.content")),
                new ValueComparer<byte[]?>((a, b) => ReferenceEquals(a, b), v => v == null ? 0 : RuntimeHelpers.GetHashCode(v), v => v));
            d.HasIndex(x => x.CaseId);
        });

        modelBuilder.Entity<CaseLink>(l =>
        {
            l.ToTable("case_links");
            l.HasKey(x => new { x.CaseId, x.LinkedCaseId });
            l.HasOne<Case>().WithMany().HasForeignKey(x => x.CaseId);
            l.HasOne<Case>().WithMany().HasForeignKey(x => x.LinkedCaseId);
            l.Property(x => x.LinkedBy).HasMaxLength(200);
        });

        modelBuilder.Entity<Caseworker>(w =>
        {
            w.ToTable("caseworkers");
            w.HasKey(x => x.Id);
            w.Property(x => x.Id).ValueGeneratedNever();
            w.Property(x => x.Subject).HasMaxLength(200);
            w.HasIndex(x => x.Subject).IsUnique();
            w.Property(x => x.Name).HasMaxLength(200);
            Encrypt(w.Property(x => x.Email), "caseworkers.email", cipher);
        });

        modelBuilder.Entity<PersonalDataRead>(a =>
        {
            a.ToTable(AuditTable);
            a.HasKey(x => x.Id);
            a.Property(x => x.Id).ValueGeneratedNever();
            a.Property(x => x.ActorSubject).HasMaxLength(200);
            a.Property(x => x.ActorName).HasMaxLength(200);
            a.Property(x => x.Reference).HasMaxLength(20);
            a.Property(x => x.Purpose).HasMaxLength(50);
            a.HasIndex(x => new { x.CaseId, x.At });
            a.HasIndex(x => new { x.At, x.Id });
        });

        modelBuilder.Entity<DeadlineAlert>(a =>
        {
            a.ToTable("deadline_alerts");
            a.HasKey(x => new { x.CaseId, x.Clock, x.DueOn, x.Kind });
            a.Property(x => x.Clock).HasConversion<string>().HasMaxLength(20);
            a.Property(x => x.Kind).HasConversion<string>().HasMaxLength(20);
            a.HasOne<Case>().WithMany().HasForeignKey(x => x.CaseId);
        });

        modelBuilder.Entity<ReferenceCounter>(r =>
        {
            r.ToTable("reference_counters");
            r.HasKey(x => x.Year);
            r.Property(x => x.Year).ValueGeneratedNever();
        });
    }

    private static void Encrypt(Microsoft.EntityFrameworkCore.Metadata.Builders.PropertyBuilder<string?> property, string purpose, FieldCipher cipher) =>
        property.HasConversion((ValueConverter)new ValueConverter<string, string>(v => cipher.Encrypt(v, purpose), v => cipher.Decrypt(v, purpose)));

    private sealed class CipherModelCacheKeyFactory : IModelCacheKeyFactory
    {
        public object Create(DbContext context, bool designTime) =>
            context is CaseworkDbContext casework ? (context.GetType(), casework.Cipher.InstanceId, designTime) : (context.GetType(), designTime);
    }
}
