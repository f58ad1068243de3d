namespace PanelPlatform.Notifications.Domain;

public enum DeliveryStatus
{
    Queued,

    /// <summary>The provider accepted it (an SMTP server, GOV.UK Notify); delivery not yet confirmed.</summary>
    Sent,

    /// <summary>Confirmed delivered: a webhook endpoint answered 2xx, or Notify reported the text delivered.</summary>
    Delivered,
    Failed,
}

/// <summary>
/// One notice to one subscriber (or recipient) over one channel: the delivery ledger. (notice, subscriber, channel) and
/// (notice, recipient, channel) are unique, so a redelivered event or a restarted worker cannot queue it twice, and a
/// claimed row carries a lease so two workers cannot send it at once.
/// </summary>
public sealed class Delivery
{
    private Delivery()
    {
    }

    public Guid Id { get; private set; }
    public Guid NoticeId { get; private set; }
    public string NoticeType { get; private set; } = "";
    public Channel Channel { get; private set; }
    public Guid? SubscriberId { get; private set; }
    public Guid? RecipientId { get; private set; }
    public DeliveryStatus Status { get; private set; }
    public int Attempts { get; private set; }
    public int? LastStatusCode { get; private set; }
    public string? LastError { get; private set; }

    /// <summary>The provider's id for the message (SMTP queue id, Notify notification id).</summary>
    public string? ProviderId { get; private set; }

    /// <summary>Waits for the subscriber's daily digest instead of going at once.</summary>
    public bool HeldForDigest { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset NextAttemptAt { get; private set; }

    /// <summary>While set and in the future, one worker owns the attempt.</summary>
    public DateTimeOffset? LeaseUntil { get; private set; }

    public DateTimeOffset? SentAt { get; private set; }
    public DateTimeOffset? CompletedAt { get; private set; }
    public string? TraceParent { get; private set; }

    public static Delivery Queue(Guid noticeId, string noticeType, Channel channel, Guid? subscriberId, Guid? recipientId,
        DateTimeOffset now, string? traceParent, bool heldForDigest = false) => new()
    {
        Id = Guid.CreateVersion7(now),
        NoticeId = noticeId,
        NoticeType = noticeType,
        Channel = channel,
        SubscriberId = subscriberId,
        RecipientId = recipientId,
        Status = DeliveryStatus.Queued,
        CreatedAt = now,
        NextAttemptAt = now,
        TraceParent = traceParent,
        HeldForDigest = heldForDigest,
    };

    /// <summary>The outcome of one attempt, worked out by <see cref="DeliveryRules"/>.</summary>
    public void Record(SendResult result, RetryPolicy policy, DateTimeOffset now)
    {
        var next = DeliveryRules.After(Attempts, result, policy, now);
        Attempts = next.Attempts;
        Status = next.Status;
        LastStatusCode = result.StatusCode;
        LastError = next.Error;
        ProviderId = result.ProviderId ?? ProviderId;
        NextAttemptAt = next.NextAttemptAt ?? NextAttemptAt;
        SentAt = next.SentAt ?? SentAt;
        CompletedAt = next.CompletedAt;
        LeaseUntil = null;
    }

    /// <summary>The endpoint accepted the notice.</summary>
    public void Delivered(int statusCode, DateTimeOffset now) => Record(SendResult.DeliveredNow(statusCode), RetryPolicy.Default, now);

    /// <summary>
    /// An attempt failed. A permanent failure (the endpoint refused the notice itself) or the last allowed attempt
    /// ends the delivery as failed; anything else is tried again after a backoff.
    /// </summary>
    public void AttemptFailed(int? statusCode, string error, bool permanent, RetryPolicy policy, DateTimeOffset now) =>
        Record(SendResult.Failure(statusCode, error, permanent), policy, now);

    /// <summary>A later report from the provider (e.g. Notify's delivery receipt).</summary>
    public void Confirmed(bool delivered, string? error, DateTimeOffset now)
    {
        if (Status is not DeliveryStatus.Sent)
        {
            return;
        }

        Status = delivered ? DeliveryStatus.Delivered : DeliveryStatus.Failed;
        LastError = error;
        CompletedAt = now;
    }
}

/// <summary>What one send attempt came to.</summary>
/// <param name="Accepted">The provider took it.</param>
/// <param name="Delivered">…and that is itself proof of delivery (a webhook's 2xx); otherwise the row is <c>sent</c>.</param>
/// <param name="Permanent">Retrying cannot help (4xx, an invalid address).</param>
/// <param name="AddressGone">The address itself is no good: the subscriber's channel is suspended.</param>
public sealed record SendResult(
    bool Accepted, bool Delivered, int? StatusCode, string? Error, bool Permanent, bool AddressGone, string? ProviderId = null)
{
    public static SendResult DeliveredNow(int? statusCode, string? providerId = null) => new(true, true, statusCode, null, false, false, providerId);

    public static SendResult SentNow(string? providerId, int? statusCode = null) => new(true, false, statusCode, null, false, false, providerId);

    public static SendResult Failure(int? statusCode, string error, bool permanent, bool addressGone = false) =>
        new(false, false, statusCode, error, permanent, addressGone);
}

/// <summary>The ledger's rules for one attempt's outcome, shared by the entity and the worker's batched update.</summary>
public static class DeliveryRules
{
    public sealed record Next(
        DeliveryStatus Status, int Attempts, string? Error, DateTimeOffset? NextAttemptAt, DateTimeOffset? SentAt, DateTimeOffset? CompletedAt);

    public static Next After(int attemptsBefore, SendResult result, RetryPolicy policy, DateTimeOffset now)
    {
        var attempts = attemptsBefore + 1;
        if (result.Accepted)
        {
            return result.Delivered
                ? new Next(DeliveryStatus.Delivered, attempts, null, null, now, now)
                : new Next(DeliveryStatus.Sent, attempts, null, null, now, null);
        }

        var error = Truncate(result.Error ?? "failed");
        if (result.Permanent || attempts >= policy.MaxAttempts)
        {
            return new Next(DeliveryStatus.Failed, attempts, error, null, null, now);
        }

        return new Next(DeliveryStatus.Queued, attempts, error, now + policy.DelayBeforeAttempt(attempts + 1), null, null);
    }

    private static string Truncate(string error) => error.Length <= 1000 ? error : error[..1000];
}

/// <summary>Exponential backoff with jitter: base, 2×base, 4×base… capped.</summary>
public sealed record RetryPolicy(int MaxAttempts, TimeSpan BaseDelay, TimeSpan MaxDelay)
{
    public static readonly RetryPolicy Default = new(8, TimeSpan.FromSeconds(5), TimeSpan.FromHours(1));

    public TimeSpan DelayBeforeAttempt(int attempt)
    {
        var exponential = BaseDelay.TotalMilliseconds * Math.Pow(2, Math.Max(0, attempt - 2));
        var capped = Math.Min(exponential, MaxDelay.TotalMilliseconds);
        var jitter = Random.Shared.NextDouble() * capped * 0.2;
        return TimeSpan.FromMilliseconds(capped + jitter);
    }
}
