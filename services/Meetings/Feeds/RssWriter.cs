using System.Globalization;
using System.Text;
using System.Xml;

namespace PanelPlatform.Meetings.Feeds;

public sealed record FeedEntry(string Id, string Title, string Link, DateTimeOffset Published, string Description, string Category);

/// <summary>RSS 2.0 of published agendas and minutes.</summary>
public static class RssWriter
{
    public static string Write(string title, string link, string description, IEnumerable<FeedEntry> entries, DateTimeOffset? lastBuild)
    {
        var output = new StringBuilder();
        using (var xml = XmlWriter.Create(output, new XmlWriterSettings { Indent = true, Encoding = Encoding.UTF8, OmitXmlDeclaration = false }))
        {
            xml.WriteStartDocument();
            xml.WriteStartElement("rss");
            xml.WriteAttributeString("version", "2.0");
            xml.WriteAttributeString("xmlns", "atom", null, "http://www.w3.org/2005/Atom");
            xml.WriteStartElement("channel");
            xml.WriteElementString("title", title);
            xml.WriteElementString("link", link);
            xml.WriteElementString("description", description);
            xml.WriteElementString("language", "en-gb");
            if (lastBuild is { } built)
            {
                xml.WriteElementString("lastBuildDate", Rfc822(built));
            }

            xml.WriteStartElement("atom", "link", "http://www.w3.org/2005/Atom");
            xml.WriteAttributeString("href", link);
            xml.WriteAttributeString("rel", "self");
            xml.WriteAttributeString("type", "application/rss+xml");
            xml.WriteEndElement();
            foreach (var entry in entries)
            {
                xml.WriteStartElement("item");
                xml.WriteElementString("title", entry.Title);
                xml.WriteElementString("link", entry.Link);
                xml.WriteElementString("description", entry.Description);
                xml.WriteElementString("category", entry.Category);
                xml.WriteStartElement("guid");
                xml.WriteAttributeString("isPermaLink", "false");
                xml.WriteString(entry.Id);
                xml.WriteEndElement();
                xml.WriteElementString("pubDate", Rfc822(entry.Published));
                xml.WriteEndElement();
            }

            xml.WriteEndElement();
            xml.WriteEndElement();
            xml.WriteEndDocument();
        }

        // StringBuilder output declares utf-16; the response is UTF-8.
        return output.ToString().Replace("encoding=\"utf-16\"", "encoding=\"utf-8\"", StringComparison.Ordinal);
    }

    private static string Rfc822(DateTimeOffset instant) => instant.UtcDateTime.ToString("r", CultureInfo.InvariantCulture);
}
