using Microsoft.EntityFrameworkCore;

namespace PanelPlatform.ServiceDefaults.Messaging;

public static class OutboxModel
{
    public const string OutboxTable = "outbox_message";
    public const string InboxTable = "inbox_message";

    /// <summary>Adds <c>outbox_message</c> and <c>inbox_message</c> to a service's model (and so to its migrations).</summary>
    public static ModelBuilder AddOutboxAndInbox(this ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<OutboxMessage>(outbox =>
        {
            outbox.ToTable(OutboxTable);
            outbox.HasKey(m => m.Id);
            outbox.Property(m => m.Id).HasColumnName("id").ValueGeneratedNever();
            outbox.Property(m => m.Sequence).HasColumnName("sequence").UseIdentityAlwaysColumn();
            outbox.Property(m => m.MessageType).HasColumnName("message_type").HasMaxLength(300);
            outbox.Property(m => m.Destination).HasColumnName("destination").HasMaxLength(300);
            outbox.Property(m => m.Body).HasColumnName("body").HasColumnType("jsonb");
            outbox.Property(m => m.TraceParent).HasColumnName("trace_parent").HasMaxLength(128);
            outbox.Property(m => m.TraceState).HasColumnName("trace_state").HasMaxLength(512);
            outbox.Property(m => m.CreatedAt).HasColumnName("created_at").HasDefaultValueSql("now()");
            outbox.Property(m => m.SentAt).HasColumnName("sent_at");
            outbox.Property(m => m.DeadAt).HasColumnName("dead_at");
            outbox.Property(m => m.Attempts).HasColumnName("attempts");
            outbox.Property(m => m.LastError).HasColumnName("last_error").HasMaxLength(2000);
            outbox.HasIndex(m => m.Sequence).IsUnique().HasFilter("sent_at IS NULL AND dead_at IS NULL")
                .HasDatabaseName("ix_outbox_message_pending");
            outbox.HasIndex(m => m.SentAt).HasFilter("sent_at IS NOT NULL").HasDatabaseName("ix_outbox_message_sent_at");
        });

        modelBuilder.Entity<InboxMessage>(inbox =>
        {
            inbox.ToTable(InboxTable);
            inbox.HasKey(m => new { m.MessageId, m.Consumer });
            inbox.Property(m => m.MessageId).HasColumnName("message_id");
            inbox.Property(m => m.Consumer).HasColumnName("consumer").HasMaxLength(200);
            inbox.Property(m => m.ReceivedAt).HasColumnName("received_at");
            inbox.HasIndex(m => m.ReceivedAt).HasDatabaseName("ix_inbox_message_received_at");
        });

        return modelBuilder;
    }
}
