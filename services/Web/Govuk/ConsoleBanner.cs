using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace PanelPlatform.Web.Govuk;

/// <summary>
/// The GOV.UK success notification banner for what a member of staff just did, carried across the redirect after a
/// form post (post, redirect, get) in TempData: <c>ConsoleBanner.Show(TempData, "Grant awarded", "…")</c>, then
/// <c>&lt;console-banner /&gt;</c> on the page it lands on.
/// </summary>
[HtmlTargetElement("console-banner", TagStructure = TagStructure.WithoutEndTag)]
public sealed class ConsoleBannerTagHelper : TagHelper
{
    private const string HeadingKey = "console-banner-heading";
    private const string TextKey = "console-banner-text";

    [ViewContext]
    [HtmlAttributeNotBound]
    public ViewContext ViewContext { get; set; } = null!;

    public static void Show(ITempDataDictionary tempData, string heading, string? text = null)
    {
        tempData[HeadingKey] = heading;
        tempData[TextKey] = text;
    }

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        var tempData = ViewContext.TempData;
        if (tempData[HeadingKey] is not string heading)
        {
            output.SuppressOutput();
            return;
        }

        var text = tempData[TextKey] as string;
        var encoder = HtmlEncoder.Default;
        output.TagName = "div";
        output.TagMode = TagMode.StartTagAndEndTag;
        output.Attributes.SetAttribute("class", "govuk-notification-banner govuk-notification-banner--success");
        output.Attributes.SetAttribute("role", "alert");
        output.Attributes.SetAttribute("aria-labelledby", "govuk-notification-banner-title");
        output.Attributes.SetAttribute("data-module", "govuk-notification-banner");
        output.Content.SetHtmlContent(
            "<div class=\"govuk-notification-banner__header\"><h2 class=\"govuk-notification-banner__title\" id=\"govuk-notification-banner-title\">Success</h2></div>" +
            $"<div class=\"govuk-notification-banner__content\"><h3 class=\"govuk-notification-banner__heading\">{encoder.Encode(heading)}</h3>" +
            (string.IsNullOrEmpty(text) ? "" : $"<p class=\"govuk-body\">{encoder.Encode(text)}</p>") + "</div>");
    }
}

public static class ConsoleBanner
{
    public static void Show(ITempDataDictionary tempData, string heading, string? text = null) => ConsoleBannerTagHelper.Show(tempData, heading, text);
}
