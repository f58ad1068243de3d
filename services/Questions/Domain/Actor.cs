using System.Security.Claims;

namespace PanelPlatform.Questions.Domain;

/// <summary>Who did something to a question: a member of staff (token subject and name), the asker, or the system.</summary>
public sealed record Actor(string Subject, string Name)
{
    /// <summary>The asker acting through their email link; never named in the history (their name is personal data).</summary>
    public static readonly Actor Asker = new("asker", "the asker");

    /// <summary>A change that followed an event from another service (e.g. the meeting was cancelled).</summary>
    public static readonly Actor System = new("system", "Panel Platform");

    public static Actor From(ClaimsPrincipal user)
    {
        var subject = user.FindFirstValue("sub") ?? "unknown";
        return new Actor(subject, user.FindFirstValue("name") ?? subject);
    }
}
