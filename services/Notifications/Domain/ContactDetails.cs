using System.Text.RegularExpressions;

namespace PanelPlatform.Notifications.Domain;

/// <summary>Email addresses and UK mobile numbers, in one spelling so the same person is found again.</summary>
public static partial class ContactDetails
{
    public const int MaxEmailLength = 254;

    public static string? NormaliseEmail(string? email)
    {
        var trimmed = email?.Trim();
        return string.IsNullOrEmpty(trimmed) || trimmed.Length > MaxEmailLength || !Email().IsMatch(trimmed) ? null : trimmed.ToLowerInvariant();
    }

    /// <summary>A UK mobile (07…, +447…, 00447…) as +447xxxxxxxxx, or null.</summary>
    public static string? NormaliseMobile(string? mobile)
    {
        if (string.IsNullOrWhiteSpace(mobile))
        {
            return null;
        }

        var digits = new string(mobile.Where(c => !char.IsWhiteSpace(c) && c is not ('-' or '(' or ')')).ToArray());
        digits = digits.StartsWith("+44", StringComparison.Ordinal) ? digits[3..]
            : digits.StartsWith("0044", StringComparison.Ordinal) ? digits[4..]
            : digits.StartsWith('0') ? digits[1..]
            : digits;
        return digits.Length == 10 && digits[0] == '7' && digits.All(char.IsAsciiDigit) ? "+44" + digits : null;
    }

    [GeneratedRegex(@"^[^@\s<>()\[\],;:""]+@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+$")]
    private static partial Regex Email();
}
