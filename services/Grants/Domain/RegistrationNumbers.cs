using System.Text.RegularExpressions;

namespace PanelPlatform.Grants.Domain;

/// <summary>
/// Charity and company numbers, checked by format only (the registers are not called): what an applicant typed is
/// normalised (spaces removed, letters upper-cased, an English company number padded to eight digits) or rejected.
/// </summary>
public static partial class RegistrationNumbers
{
    /// <summary>England and Wales (6–7 digits, optionally a linked-charity suffix like -1), Scotland (SC + 6 digits), Northern Ireland (NIC + 6 digits).</summary>
    [GeneratedRegex(@"^(\d{6,7}(-\d{1,2})?|SC\d{6}|NIC\d{6})$")]
    private static partial Regex CharityPattern();

    /// <summary>Companies House: 8 digits, or a two-letter register prefix (SC, NI, OC, SO, NC, R0, …) and 6 digits.</summary>
    [GeneratedRegex(@"^(\d{8}|(SC|NI|OC|SO|NC|NL|R0|IP|SP|RS|NP|SE|FC|GE|LP|SL|ZC|AC|SA|SF|NF|GS|ES|NA|NZ|NO|CE|CS|PC)\d{6})$")]
    private static partial Regex CompanyPattern();

    public static string? NormaliseCharityNumber(string? value)
    {
        var compact = Compact(value);
        return compact is not null && CharityPattern().IsMatch(compact) ? compact : null;
    }

    public static string? NormaliseCompanyNumber(string? value)
    {
        var compact = Compact(value);
        if (compact is null)
        {
            return null;
        }

        // Companies House drops leading zeros in casual use: 2345678 is 02345678.
        if (compact.All(char.IsAsciiDigit) && compact.Length is >= 6 and < 8)
        {
            compact = compact.PadLeft(8, '0');
        }

        return CompanyPattern().IsMatch(compact) ? compact : null;
    }

    /// <summary>The org-id.guide identifier 360Giving expects for a registered organisation, or null.</summary>
    public static string? OrgId(string? charityNumber, string? companyNumber) =>
        charityNumber switch
        {
            { } c when c.StartsWith("SC", StringComparison.Ordinal) => $"GB-SC-{c}",
            { } c when c.StartsWith("NIC", StringComparison.Ordinal) => $"GB-NIC-{c[3..]}",
            { } c => $"GB-CHC-{c}",
            null when companyNumber is not null => $"GB-COH-{companyNumber}",
            _ => null,
        };

    private static string? Compact(string? value) =>
        string.IsNullOrWhiteSpace(value) ? null : string.Concat(value.Where(c => !char.IsWhiteSpace(c))).ToUpperInvariant();
}
