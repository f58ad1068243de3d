namespace PanelPlatform.Casework.Tests;

/// <summary>
/// A member of the public with distinctive details: each field carries <see cref="Tag"/>, so a test can search any
/// response, event or database dump for a trace of them.
/// </summary>
public sealed record Person(string Tag, string Name, string Email, string Phone, string Address, string Summary, string Description)
{
    public static Person Unique()
    {
        var tag = Guid.NewGuid().ToString("N")[..12];
        var digits = Random.Shared.Next(100, 999).ToString(System.Globalization.CultureInfo.InvariantCulture);
        return new Person(
            tag,
            $"Philippa Marchbanks {tag}",
            $"philippa.{tag}@example.org",
            $"07700 900{digits}",
            $"{tag} Smedley Street, Matlock DE4 3AG",
            $"Speeding on Bakewell Road near the school {tag}",
            $"Cars race past Highfields School every morning; my son was nearly hit on 3 March. {tag}");
    }

    /// <summary>Strings that must not appear where this person's data may not go.</summary>
    public IEnumerable<string> Traces => [Tag, Phone, Phone.Replace(" ", "", StringComparison.Ordinal)];

    public object Subject => new { name = Name, email = Email, phone = Phone, address = Address };
}
