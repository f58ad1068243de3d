using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace PanelPlatform.Web.Govuk;

/// <summary>
/// GOV.UK pagination with "Previous" and "Next" only (an API's cursors give no page count):
/// <c>&lt;govuk-pagination previous-href="…" next-href="…" /&gt;</c>. Nothing is shown when there is neither.
/// </summary>
[HtmlTargetElement("govuk-pagination", TagStructure = TagStructure.WithoutEndTag)]
public sealed class PaginationTagHelper : TagHelper
{
    public string? PreviousHref { get; set; }

    public string? NextHref { get; set; }

    /// <summary>Names the list for screen readers when a page has more than one, e.g. "Search results pages".</summary>
    public string Label { get; set; } = "Pagination";

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        // Razor writes a null attribute value as "": no address is no link.
        PreviousHref = string.IsNullOrEmpty(PreviousHref) ? null : PreviousHref;
        NextHref = string.IsNullOrEmpty(NextHref) ? null : NextHref;
        if (PreviousHref is null && NextHref is null)
        {
            output.SuppressOutput();
            return;
        }

        output.TagName = "nav";
        output.TagMode = TagMode.StartTagAndEndTag;
        output.Attributes.SetAttribute("class", "govuk-pagination");
        output.Attributes.SetAttribute("aria-label", Label);
        var html = "";
        if (PreviousHref is not null)
        {
            html += $"<div class=\"govuk-pagination__prev\"><a class=\"govuk-link govuk-pagination__link\" href=\"{HtmlEncoder.Default.Encode(PreviousHref)}\" rel=\"prev\">" +
                    "<svg class=\"govuk-pagination__icon govuk-pagination__icon--prev\" xmlns=\"http://www.w3.org/2000/svg\" height=\"13\" width=\"15\" aria-hidden=\"true\" focusable=\"false\" viewBox=\"0 0 15 13\">" +
                    "<path d=\"m6.5938-0.0078125-6.7266 6.7266 6.7441 6.4062 1.377-1.449-4.1856-3.9768h12.896v-2h-12.984l4.2931-4.293-1.414-1.414z\"></path></svg>" +
                    "<span class=\"govuk-pagination__link-title\">Previous<span class=\"govuk-visually-hidden\"> page</span></span></a></div>";
        }

        if (NextHref is not null)
        {
            html += $"<div class=\"govuk-pagination__next\"><a class=\"govuk-link govuk-pagination__link\" href=\"{HtmlEncoder.Default.Encode(NextHref)}\" rel=\"next\">" +
                    "<span class=\"govuk-pagination__link-title\">Next<span class=\"govuk-visually-hidden\"> page</span></span>" +
                    "<svg class=\"govuk-pagination__icon govuk-pagination__icon--next\" xmlns=\"http://www.w3.org/2000/svg\" height=\"13\" width=\"15\" aria-hidden=\"true\" focusable=\"false\" viewBox=\"0 0 15 13\">" +
                    "<path d=\"m8.107-0.0078125-1.4136 1.414 4.2926 4.293h-12.986v2h12.896l-4.1855 3.9766 1.377 1.4492 6.7441-6.4062-6.7246-6.7266z\"></path></svg></a></div>";
        }

        output.Content.SetHtmlContent(html);
    }
}
