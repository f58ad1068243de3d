namespace PanelPlatform.Contracts.Notifications;

/// <summary>
/// Commands sent to Notifications' own queues (never published): they carry a person's contact details, which go to
/// the one service that must send to them. Services then refer to the person by <c>RecipientId</c> in their events.
/// </summary>
public static class NotificationQueues
{
    public const string RegisterRecipient = "notifications-register-recipient";
    public const string ForgetRecipient = "notifications-forget-recipient";
    public const string SendNotice = "notifications-send-notice";
}

/// <summary>Remember how to reach one person (an asker, an applicant, a complainant, a caseworker).</summary>
public sealed record RegisterRecipient(Guid RecipientId, string? Name, string? Email, string? MobileNumber, DateTimeOffset OccurredAt);

/// <summary>Erase a recipient's contact details (retention, or the person asked).</summary>
public sealed record ForgetRecipient(Guid RecipientId, DateTimeOffset OccurredAt);

/// <summary>
/// Send one person a notice from a configured template (e.g. <c>question.confirm-email</c> with its signed link):
/// for messages that may not be broadcast as events.
/// </summary>
public sealed record SendNotice(
    Guid NoticeId, Guid RecipientId, string Template, IReadOnlyDictionary<string, string> Values, DateTimeOffset OccurredAt);
