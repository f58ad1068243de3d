using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Html;

namespace PanelPlatform.Web.Govuk;

/// <summary>
/// Table columns sorted by the server (so they work without JavaScript): each sortable header is a link to the same
/// list sorted by that column, and the column the list is sorted by says so with <c>aria-sort</c>.
/// </summary>
public sealed class SortableColumns(string sort, bool descending, Func<string, bool, string> href)
{
    public string Sort { get; } = sort;

    public bool Descending { get; } = descending;

    /// <summary>A <c>&lt;th&gt;</c> for <paramref name="key"/>: pressed again, it turns the order round.</summary>
    public IHtmlContent Header(string label, string key, bool numeric = false, bool firstDescending = false)
    {
        var current = string.Equals(Sort, key, StringComparison.Ordinal);
        var nextDescending = current ? !Descending : firstDescending;
        var ariaSort = current ? (Descending ? "descending" : "ascending") : "none";
        var arrow = current ? (Descending ? " ▼" : " ▲") : "";
        var encoder = HtmlEncoder.Default;
        return new HtmlString(
            $"<th scope=\"col\" class=\"govuk-table__header{(numeric ? " govuk-table__header--numeric" : "")}\" aria-sort=\"{ariaSort}\">" +
            $"<a class=\"govuk-link site-sort-link\" href=\"{encoder.Encode(href(key, nextDescending))}\">{encoder.Encode(label)}" +
            $"<span aria-hidden=\"true\">{arrow}</span><span class=\"govuk-visually-hidden\">{(current ? "" : ", sort")}</span></a></th>");
    }
}
