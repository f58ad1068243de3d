using System.Security.Claims;
using PanelPlatform.ServiceDefaults.Auth;

namespace PanelPlatform.Meetings.Domain;

/// <summary>
/// Who is reading. Part II (exempt) items, their documents and minutes exist only for the clerk, Panel members and admin;
/// everyone else sees an agenda once published and minutes once published, Part I only.
/// </summary>
public sealed record Viewer(bool SeesExempt)
{
    public static readonly Viewer Public = new(false);

    public static Viewer From(ClaimsPrincipal user) =>
        new(user.IsInRole(Roles.Clerk) || user.IsInRole(Roles.PanelMember) || user.IsInRole(Roles.Admin));

    /// <summary>Staff see drafts too; the public sees an agenda once it is published.</summary>
    public bool SeesAgenda(Meeting meeting) => SeesExempt || meeting.AgendaIsPublic;

    public bool SeesMinutes(Meeting meeting) => SeesExempt || meeting.MinutesArePublic;

    public bool SeesItem(AgendaItem item, Meeting meeting) => SeesAgenda(meeting) && (SeesExempt || !item.IsExempt);

    public bool SeesMinute(Minute minute, Meeting meeting) => SeesMinutes(meeting) && (SeesExempt || !minute.IsExempt);

    public bool SeesDocument(Document document, Meeting meeting) =>
        SeesAgenda(meeting) && (SeesExempt || !document.IsEffectivelyExempt);
}
