using Microsoft.EntityFrameworkCore;
using PanelPlatform.Notifications.Domain;
using PanelPlatform.ServiceDefaults.Messaging;

namespace PanelPlatform.Notifications.Data;

public sealed class NotificationsDbContext(DbContextOptions<NotificationsDbContext> options) : DbContext(options)
{
    public DbSet<Subscriber> Subscribers => Set<Subscriber>();
    public DbSet<Recipient> Recipients => Set<Recipient>();
    public DbSet<Notice> Notices => Set<Notice>();
    public DbSet<Delivery> Deliveries => Set<Delivery>();
    public DbSet<Alert> Alerts => Set<Alert>();
    public DbSet<SendingControl> SendingControl => Set<SendingControl>();
    public DbSet<MembershipChange> MembershipChanges => Set<MembershipChange>();

    /// <summary>Named here because the fan-out and the delivery worker use SQL of their own.</summary>
    public const string DeliveryTable = "deliveries";

    public const string SubscriberTable = "subscribers";

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.AddOutboxAndInbox();
        modelBuilder.Entity<Subscriber>(subscriber =>
        {
            subscriber.ToTable(SubscriberTable);
            subscriber.HasKey(s => s.Id);
            subscriber.Property(s => s.Email).HasMaxLength(320);
            subscriber.Property(s => s.Mobile).HasMaxLength(20);
            subscriber.Property(s => s.WebhookUrl).HasMaxLength(2000);
            subscriber.Property(s => s.WebhookSecret).HasMaxLength(100);
            subscriber.Property(s => s.EmailState).HasConversion<string>().HasMaxLength(20);
            subscriber.Property(s => s.MobileState).HasConversion<string>().HasMaxLength(20);
            subscriber.Property(s => s.WebhookState).HasConversion<string>().HasMaxLength(20);
            subscriber.Property(s => s.Frequency).HasConversion<string>().HasMaxLength(20);
            subscriber.Property(s => s.LastFailure).HasMaxLength(500);
            subscriber.Ignore(s => s.IsMember);
            // One subscription per address: signing up again sends the manage link instead of a second record.
            subscriber.HasIndex(s => s.Email).IsUnique().HasFilter("email IS NOT NULL");
            subscriber.HasIndex(s => s.Mobile).IsUnique().HasFilter("mobile IS NOT NULL");
            subscriber.HasIndex(s => s.Topics).HasMethod("gin");
            subscriber.HasIndex(s => s.CreatedAt);
        });

        modelBuilder.Entity<Recipient>(recipient =>
        {
            recipient.HasKey(r => r.Id);
            recipient.Property(r => r.Id).ValueGeneratedNever();
            recipient.Property(r => r.Name).HasMaxLength(200);
            recipient.Property(r => r.Email).HasMaxLength(320);
            recipient.Property(r => r.Mobile).HasMaxLength(20);
        });

        modelBuilder.Entity<Notice>(notice =>
        {
            notice.HasKey(n => n.Id);
            notice.Property(n => n.Id).ValueGeneratedNever();
            notice.Property(n => n.Kind).HasConversion<string>().HasMaxLength(20);
            notice.Property(n => n.Type).HasMaxLength(100);
            notice.Property(n => n.Topic).HasMaxLength(50);
            notice.Property(n => n.Title).HasMaxLength(300);
            notice.Property(n => n.Payload).HasColumnType("jsonb");
            notice.HasIndex(n => n.CreatedAt);
            notice.HasIndex(n => n.PersonId).HasFilter("person_id IS NOT NULL");
            notice.HasIndex(n => n.AlertId).IsUnique().HasFilter("alert_id IS NOT NULL");
        });

        modelBuilder.Entity<Delivery>(delivery =>
        {
            delivery.ToTable(DeliveryTable);
            delivery.HasKey(d => d.Id);
            delivery.Property(d => d.NoticeType).HasMaxLength(100);
            delivery.Property(d => d.Channel).HasConversion<string>().HasMaxLength(20);
            delivery.Property(d => d.Status).HasConversion<string>().HasMaxLength(20);
            delivery.Property(d => d.LastError).HasMaxLength(1000);
            delivery.Property(d => d.ProviderId).HasMaxLength(200);
            delivery.Property(d => d.TraceParent).HasMaxLength(128);
            delivery.HasOne<Notice>().WithMany().HasForeignKey(d => d.NoticeId).OnDelete(DeleteBehavior.Cascade);
            // The ledger's idempotency: a notice reaches a person once per channel, however often it is queued.
            delivery.HasIndex(d => new { d.NoticeId, d.SubscriberId, d.Channel }).IsUnique();
            delivery.HasIndex(d => new { d.NoticeId, d.RecipientId, d.Channel }).IsUnique();
            delivery.HasIndex(d => d.NextAttemptAt).HasFilter("status = 'Queued' AND NOT held_for_digest").HasDatabaseName("ix_delivery_due");
            delivery.HasIndex(d => d.SubscriberId).HasFilter("held_for_digest").HasDatabaseName("ix_delivery_digest");
            delivery.HasIndex(d => new { d.SubscriberId, d.CreatedAt });
            delivery.HasIndex(d => d.RecipientId).HasFilter("recipient_id IS NOT NULL");
            delivery.HasIndex(d => d.ProviderId).HasFilter("provider_id IS NOT NULL");
            delivery.HasIndex(d => d.CreatedAt);
        });

        modelBuilder.Entity<Alert>(alert =>
        {
            alert.HasKey(a => a.Id);
            alert.Property(a => a.Title).HasMaxLength(Alert.MaxTitleLength);
            alert.Property(a => a.Body).HasMaxLength(Alert.MaxBodyLength);
            alert.Property(a => a.Topic).HasMaxLength(50);
            alert.Property(a => a.Status).HasConversion<string>().HasMaxLength(20);
            alert.Property(a => a.CreatedBy).HasMaxLength(200);
            alert.Property(a => a.IssuedBy).HasMaxLength(200);
            alert.HasIndex(a => new { a.Status, a.ScheduledFor });
            alert.HasIndex(a => a.IssuedAt);
        });

        modelBuilder.Entity<SendingControl>(control =>
        {
            control.ToTable("sending_control");
            control.HasKey(c => c.Id);
            control.Property(c => c.Id).ValueGeneratedNever();
            control.PrimitiveCollection(c => c.PausedChannels).ElementType().HasConversion<string>();
            control.Property(c => c.ChangedBy).HasMaxLength(200);
            control.Property(c => c.Reason).HasMaxLength(500);
            control.HasData(new { Id = Domain.SendingControl.SingletonId, PausedChannels = Array.Empty<Channel>() });
        });

        modelBuilder.Entity<MembershipChange>(change =>
        {
            change.HasKey(c => c.Id);
            change.Property(c => c.Id).UseIdentityAlwaysColumn();
            change.HasIndex(c => c.OccurredAt);
        });
    }
}
