namespace PanelPlatform.Web.Gateway;

/// <summary>One page of an API's list (<c>?limit=&amp;cursor=</c>).</summary>
public sealed record ApiPage<T>(IReadOnlyList<T> Items, string? NextCursor);

/// <summary>A meeting as the Meetings API lists it.</summary>
public sealed record MeetingSummary(
    Guid Id, string BodySlug, string BodyName, string Title, DateTimeOffset StartsAt, DateTimeOffset? EndsAt, string? Location,
    bool IsVirtual, string Status, string? StatusReason, bool AgendaPublished, bool MinutesPublished, int ItemCount);
