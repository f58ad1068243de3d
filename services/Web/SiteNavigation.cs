using System.Security.Claims;
using PanelPlatform.ServiceDefaults.Auth;

namespace PanelPlatform.Web;

/// <summary>The links across the top of every page: the public site's, or the console's for what a member of staff may do.</summary>
public static class SiteNavigation
{
    public sealed record Link(string Text, string Href);

    public static readonly IReadOnlyList<Link> Public =
    [
        new("Meetings", "/meetings"),
        new("Ask a question", "/questions"),
        new("Grants", "/grants"),
        new("Alerts", "/alerts"),
        new("Contact us", "/contact"),
        new("Search", "/search"),
    ];

    public static IReadOnlyList<Link> Console(ClaimsPrincipal user)
    {
        bool Has(params string[] roles) => user.IsInRole(Roles.Admin) || roles.Any(user.IsInRole);
        var links = new List<Link> { new("Overview", "/console") };
        if (Has(Roles.Clerk))
        {
            links.Add(new("Meetings", "/console/meetings"));
        }

        if (Has(Roles.Clerk, Roles.OpccStaff))
        {
            links.Add(new("Questions", "/console/questions"));
        }

        if (Has(Roles.GrantsOfficer))
        {
            links.Add(new("Grants", "/console/grants"));
        }

        if (Has(Roles.Caseworker))
        {
            links.Add(new("Cases", "/console/cases"));
        }

        if (Has(Roles.AlertsCoordinator))
        {
            links.Add(new("Alerts", "/console/alerts"));
        }

        links.Add(new("Figures", "/console/figures"));
        return links;
    }

    /// <summary>The link for the section a path is in ("/meetings/…" is in Meetings), for aria-current.</summary>
    public static bool IsCurrent(Link link, string path) =>
        link.Href is "/console" ? path.Equals("/console", StringComparison.OrdinalIgnoreCase)
            : path.Equals(link.Href, StringComparison.OrdinalIgnoreCase) || path.StartsWith(link.Href + "/", StringComparison.OrdinalIgnoreCase);
}
