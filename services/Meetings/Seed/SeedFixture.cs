using PanelPlatform.Meetings.Domain;

namespace PanelPlatform.Meetings.Seed;

// The shape of Seed/derbyshire.json. Keys are the fixture's own names for things; the loader turns each into a stable id.

public sealed record SeedFixture(
    string? Notes,
    IReadOnlyList<SeedBody> Bodies,
    IReadOnlyList<SeedPerson> People,
    IReadOnlyList<SeedMembership> Memberships,
    IReadOnlyList<SeedMeeting> Meetings,
    IReadOnlyList<SeedWorkItem> WorkProgramme,
    IReadOnlyList<SeedEvent> ForthcomingEvents);

public sealed record SeedBody(
    string Key, string Slug, string Name, string? ShortName, BodyKind Kind, string? Description, string? Website,
    string? ContactName, string? ContactEmail, string? ContactPhone);

public sealed record SeedPerson(string Key, string Name, string? Honorific, string? GivenName, string? FamilyName, string? Office);

public sealed record SeedMembership(string Body, string Person, MembershipRole Role, string? Council, string? Party, DateOnly StartsOn, DateOnly? EndsOn, string? Notes);

public sealed record SeedMeeting(
    string Key, string Body, string Title, DateTimeOffset StartsAt, DateTimeOffset? EndsAt, string? Location, bool IsVirtual,
    MeetingStatus Status, DateTimeOffset? AgendaPublishedAt, bool AgendaPublic, bool MinutesPublic, SeedConfirmation? ConfirmedBy,
    IReadOnlyList<SeedAttendance>? Attendance, IReadOnlyList<SeedItem> Items, string? Source);

public sealed record SeedConfirmation(string Meeting, string Minute);

public sealed record SeedAttendance(string Person, AttendanceKind Kind, string? Capacity);

public sealed record SeedItem(
    string Number, string Title, string? Description, ItemKind Kind, AgendaPart Part, string? ExemptionReason, int? PageFrom, int? PageTo,
    SeedReport? Report, SeedMinute? Minute);

public sealed record SeedReport(
    string Title, string ReportBy, DateOnly Date, string Purpose, string? Recommendations, string? ContactName, string? ContactPhone,
    string? ContactEmail, IReadOnlyList<string>? Attachments, string? Text);

public sealed record SeedMinute(string Number, string? Title, string Text, IReadOnlyList<string>? Resolutions, IReadOnlyList<SeedAction>? Actions);

public sealed record SeedAction(string What, string Owner, DateOnly? DueOn, ActionStatus Status);

public sealed record SeedWorkItem(string Key, string Body, string Topic, string? Description, string? Lead, DateOnly? PlannedFor, WorkProgrammeStatus Status);

public sealed record SeedEvent(string Key, string Body, string Title, string? Description, DateOnly On, string? Location, string? AnnouncedAt);
