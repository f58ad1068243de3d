using System.Text.RegularExpressions;
using PanelPlatform.ServiceDefaults.Http;

namespace PanelPlatform.Casework.Endpoints;

/// <summary>The bad-input rules shared by the staff and the public forms: lengths, plain text, plausible contacts.</summary>
internal static partial class InputRules
{
    public const int NameMax = 200;
    public const int EmailMax = 254;
    public const int PhoneMax = 30;
    public const int AddressMax = 500;
    public const int SummaryMax = 200;
    public const int StaffDescriptionMax = 20_000;
    public const int PublicDescriptionMax = 5_000;
    public const int ReasonMax = 2_000;
    public const int NoteMax = 10_000;

    public static Validation Text(this Validation validation, string field, string? value, int maxLength, bool required = false)
    {
        if (required)
        {
            validation.Required(field, value, maxLength);
        }
        else
        {
            validation.MaxLength(field, value, maxLength);
        }

        return validation.PlainText(field, value);
    }

    public static Validation Subject(this Validation validation, string prefix, string? name, string? email, string? phone, string? address, bool emailRequired)
    {
        validation.Text($"{prefix}name", name, NameMax, required: true)
            .Text($"{prefix}email", email, EmailMax, required: emailRequired)
            .Text($"{prefix}phone", phone, PhoneMax)
            .Text($"{prefix}address", address, AddressMax);
        if (!string.IsNullOrWhiteSpace(email) && !EmailPattern().IsMatch(email.Trim()))
        {
            validation.Add($"{prefix}email", $"{prefix}email is not an email address.");
        }

        if (!string.IsNullOrWhiteSpace(phone) && !PhonePattern().IsMatch(phone.Trim()))
        {
            validation.Add($"{prefix}phone", $"{prefix}phone may hold only digits, spaces, brackets, '-' and a leading '+'.");
        }

        return validation;
    }

    /// <summary>A UK mobile (07…, +447…), which Notifications may text; other numbers are kept on the case only.</summary>
    public static string? MobileOrNull(string? phone)
    {
        var digits = new string((phone ?? "").Where(char.IsAsciiDigit).ToArray());
        return digits.StartsWith("07", StringComparison.Ordinal) && digits.Length == 11
            || digits.StartsWith("447", StringComparison.Ordinal) && digits.Length == 12
            ? phone!.Trim()
            : null;
    }

    [GeneratedRegex(@"^[^@\s<>()\[\],;:""]+@[^@\s<>()\[\],;:""]+\.[^@\s<>()\[\],;:""]{2,}$")]
    private static partial Regex EmailPattern();

    [GeneratedRegex(@"^\+?[0-9][0-9 ()\-]{5,29}$")]
    private static partial Regex PhonePattern();
}
