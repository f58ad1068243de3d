namespace PanelPlatform.Notifications.Domain;

/// <summary>
/// One person another service must write to (an asker, an applicant, a complainant, a caseworker), registered by a
/// private command; other services' events name them only by <see cref="Id"/>.
/// </summary>
public sealed class Recipient
{
    private Recipient()
    {
    }

    public Guid Id { get; private set; }
    public string? Name { get; private set; }
    public string? Email { get; private set; }
    public string? Mobile { get; private set; }

    /// <summary>They unsubscribed (one click) or the address bounced: no more email.</summary>
    public bool EmailStopped { get; private set; }

    public bool MobileStopped { get; private set; }
    public DateTimeOffset RegisteredAt { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }

    public static Recipient Register(Guid id, string? name, string? email, string? mobile, DateTimeOffset now) => new()
    {
        Id = id,
        Name = name,
        Email = email,
        Mobile = mobile,
        RegisteredAt = now,
        UpdatedAt = now,
    };

    /// <summary>Registered again (e.g. a new address): the latest details win; a changed address may be written to again.</summary>
    public void Update(string? name, string? email, string? mobile, DateTimeOffset now)
    {
        EmailStopped &= string.Equals(Email, email, StringComparison.Ordinal);
        MobileStopped &= string.Equals(Mobile, mobile, StringComparison.Ordinal);
        Name = name;
        Email = email;
        Mobile = mobile;
        UpdatedAt = now;
    }

    public string? AddressOf(Channel channel) => channel switch
    {
        Channel.Email when !EmailStopped => Email,
        Channel.Sms when !MobileStopped => Mobile,
        _ => null,
    };

    /// <summary>The channel a personal notice goes by: the first in <paramref name="preference"/> they can be reached on.</summary>
    public Channel? Reachable(IEnumerable<Channel> preference) =>
        preference.Where(c => AddressOf(c) is not null).Select(c => (Channel?)c).FirstOrDefault();

    public void Stop(Channel channel)
    {
        if (channel == Channel.Email)
        {
            EmailStopped = true;
        }
        else if (channel == Channel.Sms)
        {
            MobileStopped = true;
        }
    }
}
