namespace PanelPlatform.Casework.Domain;

/// <summary>
/// A member of staff cases can be assigned to, registered from their own token's claims. <see cref="Id"/> is also their
/// recipient id with Notifications, which keeps their contact details to tell them of approaching deadlines.
/// </summary>
public sealed class Caseworker
{
    private Caseworker()
    {
    }

    public Guid Id { get; private set; }

    /// <summary>The token's <c>sub</c>.</summary>
    public string Subject { get; private set; } = "";

    public string Name { get; private set; } = "";
    public string? Email { get; private set; }
    public DateTimeOffset RegisteredAt { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }

    public static Caseworker Register(string subject, string name, string? email, DateTimeOffset now) => new()
    {
        Id = Guid.CreateVersion7(now),
        Subject = subject,
        Name = name,
        Email = email,
        RegisteredAt = now,
        UpdatedAt = now,
    };

    /// <summary>True when the details changed (and so must be sent to Notifications again).</summary>
    public bool Update(string name, string? email, DateTimeOffset now)
    {
        if (Name == name && Email == email)
        {
            return false;
        }

        Name = name;
        Email = email;
        UpdatedAt = now;
        return true;
    }
}
