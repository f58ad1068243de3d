using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PanelPlatform.Grants.Domain;
using PanelPlatform.ServiceDefaults.Messaging;

namespace PanelPlatform.Grants.Data;

public sealed class GrantsDbContext(DbContextOptions<GrantsDbContext> options) : DbContext(options)
{
    public DbSet<Scheme> Schemes => Set<Scheme>();
    public DbSet<GrantRound> Rounds => Set<GrantRound>();
    public DbSet<GrantApplication> Applications => Set<GrantApplication>();
    public DbSet<Scoresheet> Scoresheets => Set<Scoresheet>();
    public DbSet<ConflictOfInterest> Conflicts => Set<ConflictOfInterest>();
    public DbSet<Award> Awards => Set<Award>();
    public DbSet<Payment> Payments => Set<Payment>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.AddOutboxAndInbox();

        modelBuilder.Entity<Scheme>(scheme =>
        {
            scheme.ToTable("scheme");
            scheme.HasKey(s => s.Slug);
            scheme.Property(s => s.Slug).HasMaxLength(100);
            scheme.Property(s => s.Name).HasMaxLength(200);
            scheme.Property(s => s.Purpose).HasMaxLength(4000);
            scheme.Property(s => s.FunderName).HasMaxLength(200);
            scheme.Property(s => s.FunderIdentifier).HasMaxLength(200);
            scheme.PrimitiveCollection(s => s.EligibleOrganisationTypes).ElementType(e => e.HasConversion<string>());
            scheme.PrimitiveCollection(s => s.Priorities);
        });

        modelBuilder.Entity<GrantRound>(round =>
        {
            round.ToTable("grant_round", t => t.HasCheckConstraint("ck_grant_round_within_budget", "awarded_total >= 0 AND awarded_total <= budget"));
            round.HasKey(r => r.Id);
            round.Property(r => r.SchemeSlug).HasMaxLength(100);
            round.HasOne<Scheme>().WithMany().HasForeignKey(r => r.SchemeSlug).OnDelete(DeleteBehavior.Restrict);
            round.Property(r => r.Name).HasMaxLength(200);
            Money(round.Property(r => r.Budget));
            Money(round.Property(r => r.MinimumAward));
            Money(round.Property(r => r.MaximumAward));
            Money(round.Property(r => r.AwardedTotal));
            round.PrimitiveCollection(r => r.Areas);
            Json(round.Property(r => r.Criteria));
            Json(round.Property(r => r.StandardConditions));
            round.HasIndex(r => new { r.OpensAt, r.Id });
            round.HasIndex(r => r.ClosedAnnouncedAt).HasFilter("closed_announced_at IS NULL").HasDatabaseName("ix_grant_round_unannounced");
        });

        modelBuilder.Entity<GrantApplication>(application =>
        {
            application.ToTable("grant_application");
            application.HasKey(a => a.Id);
            application.HasOne<GrantRound>().WithMany().HasForeignKey(a => a.RoundId).OnDelete(DeleteBehavior.Restrict);
            application.Property(a => a.Status).HasConversion<string>().HasMaxLength(30);
            OrganisationColumns(application.ComplexProperty(a => a.Organisation));
            application.ComplexProperty(a => a.Contact, contact =>
            {
                contact.Property(c => c.Name).HasMaxLength(200);
                contact.Property(c => c.Email).HasMaxLength(254);
                contact.Property(c => c.Phone).HasMaxLength(40);
            });
            application.Property(a => a.ProjectTitle).HasMaxLength(300);
            application.Property(a => a.ProjectDescription).HasMaxLength(8000);
            Money(application.Property(a => a.AmountRequested));
            application.PrimitiveCollection(a => a.Areas);
            application.PrimitiveCollection(a => a.Priorities);
            Json(application.Property(a => a.Documents));
            application.Property(a => a.DeclineReason).HasMaxLength(4000);
            // Two officers deciding the same application at once: the second save fails instead of overwriting.
            application.Property<uint>("Version").IsRowVersion();
            application.HasIndex(a => new { a.RoundId, a.Status, a.Id });
        });

        modelBuilder.Entity<Scoresheet>(sheet =>
        {
            sheet.ToTable("scoresheet");
            sheet.HasKey(s => s.Id);
            sheet.HasOne<GrantApplication>().WithMany().HasForeignKey(s => s.ApplicationId).OnDelete(DeleteBehavior.Cascade);
            sheet.Property(s => s.AssessorId).HasMaxLength(200);
            sheet.Property(s => s.AssessorName).HasMaxLength(200);
            sheet.Property(s => s.Comment).HasMaxLength(4000);
            Json(sheet.Property(s => s.Scores));
            sheet.HasIndex(s => new { s.ApplicationId, s.AssessorId }).IsUnique();
        });

        modelBuilder.Entity<ConflictOfInterest>(conflict =>
        {
            conflict.ToTable("conflict_of_interest");
            conflict.HasKey(c => c.Id);
            conflict.HasOne<GrantApplication>().WithMany().HasForeignKey(c => c.ApplicationId).OnDelete(DeleteBehavior.Cascade);
            conflict.Property(c => c.AssessorId).HasMaxLength(200);
            conflict.Property(c => c.AssessorName).HasMaxLength(200);
            conflict.Property(c => c.Interest).HasMaxLength(2000);
            conflict.HasIndex(c => new { c.ApplicationId, c.AssessorId }).IsUnique();
        });

        modelBuilder.Entity<Award>(award =>
        {
            award.ToTable("award", t => t.HasCheckConstraint("ck_award_paid_within_amount", "paid_total >= 0 AND paid_total <= amount"));
            award.HasKey(a => a.Id);
            award.HasOne<GrantApplication>().WithOne().HasForeignKey<Award>(a => a.ApplicationId).OnDelete(DeleteBehavior.Restrict);
            award.HasOne<GrantRound>().WithMany().HasForeignKey(a => a.RoundId).OnDelete(DeleteBehavior.Restrict);
            award.Property(a => a.SchemeSlug).HasMaxLength(100);
            award.Property(a => a.SchemeName).HasMaxLength(200);
            award.Property(a => a.RoundName).HasMaxLength(200);
            award.Property(a => a.FunderName).HasMaxLength(200);
            award.Property(a => a.FunderIdentifier).HasMaxLength(200);
            OrganisationColumns(award.ComplexProperty(a => a.Recipient));
            award.Property(a => a.ProjectTitle).HasMaxLength(300);
            award.Property(a => a.ProjectDescription).HasMaxLength(8000);
            Money(award.Property(a => a.AmountRequested));
            Money(award.Property(a => a.Amount));
            Money(award.Property(a => a.PaidTotal));
            award.PrimitiveCollection(a => a.Areas);
            award.Property(a => a.DecisionMaker).HasMaxLength(200);
            award.Property(a => a.RecordedBy).HasMaxLength(200);
            Json(award.Property(a => a.Agreement));
            Json(award.Property(a => a.Conditions));
            Json(award.Property(a => a.MonitoringReport));
            award.Property<uint>("Version").IsRowVersion();
            award.HasIndex(a => new { a.AwardDate, a.Id });
            award.HasIndex(a => a.RoundId);
        });

        modelBuilder.Entity<Payment>(payment =>
        {
            payment.ToTable("payment");
            payment.HasKey(p => p.Id);
            payment.HasOne<Award>().WithMany().HasForeignKey(p => p.AwardId).OnDelete(DeleteBehavior.Restrict);
            Money(payment.Property(p => p.Amount));
            payment.Property(p => p.Reference).HasMaxLength(100);
            payment.Property(p => p.RecordedBy).HasMaxLength(200);
            payment.HasIndex(p => p.AwardId);
        });
    }

    private static void OrganisationColumns(ComplexPropertyBuilder<Organisation> organisation)
    {
        organisation.Property(o => o.Name).HasMaxLength(200);
        organisation.Property(o => o.Type).HasConversion<string>().HasMaxLength(40);
        organisation.Property(o => o.CharityNumber).HasMaxLength(20);
        organisation.Property(o => o.CompanyNumber).HasMaxLength(20);
    }

    private static void Money<T>(PropertyBuilder<T> property) => property.HasPrecision(12, 2);

    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web);

    /// <summary>Small value lists and records the service only reads whole: one jsonb column each.</summary>
    private static void Json<T>(PropertyBuilder<T> property)
    {
        property.HasColumnType("jsonb").HasConversion(
            value => JsonSerializer.Serialize(value, JsonOptions),
            json => JsonSerializer.Deserialize<T>(json, JsonOptions)!,
            new ValueComparer<T>(
                (a, b) => JsonSerializer.Serialize(a, JsonOptions) == JsonSerializer.Serialize(b, JsonOptions),
                v => JsonSerializer.Serialize(v, JsonOptions).GetHashCode(StringComparison.Ordinal),
                v => JsonSerializer.Deserialize<T>(JsonSerializer.Serialize(v, JsonOptions), JsonOptions)!));
    }
}
