namespace PanelPlatform.Meetings.Domain;

/// <summary>Someone who sits on, attends or reports to a body. Public office holders: their names are public record.</summary>
public sealed class Person
{
    public Guid Id { get; set; }

    /// <summary>As the minutes name them, e.g. "Councillor H Dhindsa", "Dr S Handsley".</summary>
    public string Name { get; set; } = "";

    public string? Honorific { get; set; }
    public string? GivenName { get; set; }
    public string? FamilyName { get; set; }

    /// <summary>Their public office, e.g. "Derbyshire Police and Crime Commissioner", "Democratic Services Officer".</summary>
    public string? Office { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
}
