namespace PanelPlatform.Questions.Seed;

/// <summary>The shape of <c>Seed/questions-seed.json</c>.</summary>
public sealed record SeedFixture(string Source, IReadOnlyList<SeedMeeting> Meetings, IReadOnlyList<SeedQuestion> Questions);

public sealed record SeedAgendaItem(string Key, Guid Id, string Number, string Title);

public sealed record SeedMeeting(
    string Key, Guid Id, string BodySlug, string BodyName, string Title, DateTimeOffset StartsAt, IReadOnlyList<SeedAgendaItem> AgendaItems);

public sealed record SeedMember(string Key, Guid Id, string Name);

public sealed record SeedResident(string Name, string Email, string? Postcode, string? Area, bool ConsentToPublishName);

public sealed record SeedAnswer(string Text, string AnsweredBy, DateTimeOffset DraftedAt, DateTimeOffset ApprovedAt);

public sealed record SeedQuestion(
    string Key,
    Guid Id,
    string Meeting,
    string Kind,
    string? Note,
    SeedMember? Member,
    SeedResident? Resident,
    string Topic,
    string Text,
    DateTimeOffset SubmittedAt,
    DateTimeOffset? EmailConfirmedAt,
    DateTimeOffset? AcceptedAt,
    string? AgendaItem,
    SeedAnswer? Answer,
    DateTimeOffset? PublishedAt);
