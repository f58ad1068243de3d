using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using PanelPlatform.Casework.Data;
using PanelPlatform.Casework.Domain;
using PanelPlatform.Casework.Security;
using PanelPlatform.Contracts.Notifications;
using PanelPlatform.ServiceDefaults.Messaging;

namespace PanelPlatform.Casework.Endpoints;

/// <summary>
/// Caseworkers register themselves from their token (<c>sub</c>, <c>name</c>, and <c>email</c> when the identity
/// provider sends one). Their row's id is their recipient id with Notifications, which is sent their contact details
/// whenever they are first seen or change.
/// </summary>
public sealed class CaseworkerDirectory(CaseworkDbContext db, TimeProvider time)
{
    public async Task<Caseworker> RegisterAsync(ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var subject = PersonalData.SubjectOf(user);
        var name = Truncate(PersonalData.NameOf(user), 200);
        var email = user.FindFirst("email")?.Value is { Length: > 0 and <= 254 } e ? e : null;
        var caseworker = await db.Caseworkers.FirstOrDefaultAsync(w => w.Subject == subject, cancellationToken);
        var changed = false;
        if (caseworker is null)
        {
            caseworker = Caseworker.Register(Truncate(subject, 200), name, email, now);
            db.Caseworkers.Add(caseworker);
            changed = true;
        }
        else
        {
            changed = caseworker.Update(name, email, now);
        }

        if (changed)
        {
            db.AddIntegrationCommand(new RegisterRecipient(caseworker.Id, caseworker.Name, caseworker.Email, null, now), NotificationQueues.RegisterRecipient);
        }

        return caseworker;
    }

    private static string Truncate(string value, int length) => value.Length <= length ? value : value[..length];
}
