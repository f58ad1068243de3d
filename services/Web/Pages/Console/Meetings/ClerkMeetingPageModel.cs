using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using PanelPlatform.ServiceDefaults.Auth;
using PanelPlatform.Web.Gateway;

namespace PanelPlatform.Web.Pages.Console.Meetings;

/// <summary>
/// A page of one meeting in the clerk's console: only the clerk (or admin) may open it, everyone else gets the
/// access-denied page. Loads the meeting as the clerk sees it (Part II included) and carries the banner that says what
/// the last change did.
/// </summary>
[Authorize(Policy = Roles.Clerk)]
public abstract class ClerkMeetingPageModel(PanelApi api) : PageModel
{
    protected PanelApi Api => api;

    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    public MeetingRecord Meeting { get; private set; } = null!;

    /// <summary>What the last change did ("Agenda published"), shown once as a success banner.</summary>
    [TempData]
    public string? Banner { get; set; }

    public string MeetingPath => $"/console/meetings/{Id}";

    /// <summary>False when there is no such meeting (the page answers 404).</summary>
    protected async Task<bool> LoadMeetingAsync(CancellationToken cancellationToken)
    {
        var result = await api.GetAsync<MeetingRecord>($"api/meetings/meetings/{Id}", cancellationToken);
        if (result.NotFound)
        {
            return false;
        }

        Meeting = result.Required("the meeting");
        return true;
    }

    /// <summary>After a change: the banner, then the page to show it on (post, redirect, get).</summary>
    protected RedirectResult Done(string banner, string? path = null)
    {
        Banner = banner;
        return Redirect(path ?? MeetingPath);
    }
}
