using Markdig;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace PanelPlatform.Notifications.Alerts;

/// <summary>
/// Alert bodies are plain text that may use markdown for emphasis, lists and links. Raw HTML is never passed through
/// (it is escaped), and a link may only go to https, http or mailto.
/// </summary>
public static class SafeMarkdown
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder().DisableHtml().Build();

    public static string ToHtml(string markdown) => Markdown.ToHtml(markdown, Pipeline);

    /// <summary>The first link whose scheme is not allowed (e.g. <c>javascript:</c>), or null.</summary>
    public static string? UnsafeLink(string markdown)
    {
        var document = Markdown.Parse(markdown, Pipeline);
        foreach (var link in document.Descendants<LinkInline>())
        {
            var url = link.Url ?? "";
            if (url.Length == 0 || url.StartsWith('#'))
            {
                continue;
            }

            if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme is not ("https" or "http" or "mailto"))
            {
                return url;
            }
        }

        foreach (var autolink in document.Descendants<AutolinkInline>())
        {
            if (!Uri.TryCreate(autolink.Url, UriKind.Absolute, out var uri) || uri.Scheme is not ("https" or "http" or "mailto"))
            {
                return autolink.Url;
            }
        }

        return null;
    }

    /// <summary>Markdown with its syntax taken out, for texts and plain-text email.</summary>
    public static string ToPlainText(string markdown) => Markdown.ToPlainText(markdown, Pipeline).Trim();
}
