using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using PanelPlatform.Web.Gateway;

namespace PanelPlatform.Web.Pages.Grants;

/// <summary>The public register of awards: every grant made, newest first, with totals, filters and the 360Giving files.</summary>
public sealed class AwardsModel(PanelApi api) : PageModel
{
    public const int PageSize = 50;

    [BindProperty(SupportsGet = true)]
    public string? Area { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Year { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Organisation { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Cursor { get; set; }

    public RegisterPage Register { get; private set; } = null!;

    public AwardTotals Totals { get; private set; } = null!;

    public bool Filtered => Area is not null || Year is not null || Organisation is not null;

    public IEnumerable<SelectListItem> AreaItems =>
        new[] { new SelectListItem("All areas", "") }.Concat(GrantWords.Districts.Select(d => new SelectListItem(d, d)));

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Area = GrantWords.Districts.Contains(Area ?? "") ? Area : null;
        Year = int.TryParse(Year, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var year) && year is >= 2000 and <= 2100
            ? year.ToString(System.Globalization.CultureInfo.InvariantCulture)
            : null;
        Organisation = string.IsNullOrWhiteSpace(Organisation) ? null : Organisation.Trim()[..Math.Min(200, Organisation.Trim().Length)];

        var grants = new GrantsApi(api);
        var filters = Query(("area", Area), ("year", Year), ("organisation", Organisation));
        var register = await grants.AwardsAsync(Query(("area", Area), ("year", Year), ("organisation", Organisation), ("limit", PageSize.ToString(System.Globalization.CultureInfo.InvariantCulture)), ("cursor", Cursor)), cancellationToken);
        // A cursor from an old link that no longer reads: start again from the newest.
        Register = register.Ok ? register.Value! : (await grants.AwardsAsync(filters, cancellationToken)).Required("the register of awards");
        Totals = (await grants.TotalsAsync(Query(("year", Year)), cancellationToken)).Required("the register's totals");
    }

    /// <summary>This page with the same filters, from <paramref name="cursor"/> on.</summary>
    public string PageLink(string? cursor) => "/grants/awards" + (Query(("area", Area), ("year", Year), ("organisation", Organisation), ("cursor", cursor)) is { Length: > 0 } q ? "?" + q : "");

    private static string Query(params (string Name, string? Value)[] parameters) =>
        string.Join('&', parameters.Where(p => !string.IsNullOrEmpty(p.Value)).Select(p => $"{p.Name}={Uri.EscapeDataString(p.Value!)}"));
}
