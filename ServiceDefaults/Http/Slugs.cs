using System.Text;

namespace PanelPlatform.ServiceDefaults.Http;

public static class Slugs
{
    /// <summary>"Derbyshire Police and Crime Panel" → "derbyshire-police-and-crime-panel"; the key of bodies, schemes and file names.</summary>
    public static string From(string text)
    {
        var slug = new StringBuilder(text.Length);
        foreach (var c in text.Trim().ToLowerInvariant())
        {
            if (char.IsAsciiLetterOrDigit(c))
            {
                slug.Append(c);
            }
            else if (slug.Length > 0 && slug[^1] != '-')
            {
                slug.Append('-');
            }
        }

        return slug.ToString().Trim('-');
    }
}
