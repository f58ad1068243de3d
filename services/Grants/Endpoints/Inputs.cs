using System.Net.Mail;
using System.Text.Json;
using System.Text.RegularExpressions;
using PanelPlatform.Grants.Domain;
using PanelPlatform.ServiceDefaults.Http;

namespace PanelPlatform.Grants.Endpoints;

/// <summary>Field checks the endpoints share (money, areas, priorities, links, e-mail addresses).</summary>
internal static partial class Inputs
{
    public const decimal MaxMoney = 100_000_000m;

    public static Validation Money(this Validation validation, string field, decimal? value, bool required = true)
    {
        if (value is not { } amount)
        {
            return required ? validation.Add(field, $"{field} is required.") : validation;
        }

        if (amount <= 0)
        {
            validation.Add(field, $"{field} must be greater than 0.");
        }
        else if (amount > MaxMoney)
        {
            validation.Add(field, $"{field} must be at most £{MaxMoney:N0}.");
        }
        else if (decimal.Round(amount, 2) != amount)
        {
            validation.Add(field, $"{field} is in pounds and pence: at most 2 decimal places.");
        }

        return validation;
    }

    public static Validation Text(this Validation validation, string field, string? value, int maxLength, bool required = false) =>
        (required ? validation.Required(field, value, maxLength) : validation.MaxLength(field, value, maxLength)).PlainText(field, value);

    public static Validation Areas(this Validation validation, string field, IReadOnlyList<string>? areas)
    {
        for (var i = 0; i < (areas?.Count ?? 0); i++)
        {
            if (Districts.Canonical(areas![i]) is null)
            {
                validation.Add($"{field}[{i}]", $"'{Truncate(areas[i])}' is not a district of Derbyshire or Derby City ({string.Join(", ", Districts.Names)}).");
            }
        }

        return validation;
    }

    public static Validation Priorities(this Validation validation, string field, IReadOnlyList<string>? priorities)
    {
        for (var i = 0; i < (priorities?.Count ?? 0); i++)
        {
            if (!PlanPriorities.IsKnown(priorities![i]))
            {
                validation.Add($"{field}[{i}]", $"'{Truncate(priorities[i])}' is not a Police and Crime Plan priority ({string.Join(", ", PlanPriorities.All.Keys)}).");
            }
        }

        return validation;
    }

    public static Validation Link(this Validation validation, string field, string? url, bool required)
    {
        if (string.IsNullOrWhiteSpace(url))
        {
            return required ? validation.Add(field, $"{field} is required.") : validation;
        }

        if (url.Length > 2000 || !Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme is not ("https" or "http"))
        {
            validation.Add(field, $"{field} must be an absolute http(s) address.");
        }

        return validation;
    }

    public static Validation Email(this Validation validation, string field, string? email)
    {
        validation.Required(field, email, 254);
        if (!string.IsNullOrWhiteSpace(email) && (!MailAddress.TryCreate(email.Trim(), out var parsed) ||
            !string.Equals(parsed.Address, email.Trim(), StringComparison.Ordinal) || !parsed.Host.Contains('.', StringComparison.Ordinal)))
        {
            validation.Add(field, $"{field} is not an e-mail address.");
        }

        return validation;
    }

    [GeneratedRegex(@"^\+?[0-9 ()-]{10,20}$")]
    private static partial Regex PhonePattern();

    public static Validation Phone(this Validation validation, string field, string? phone)
    {
        if (!string.IsNullOrWhiteSpace(phone) && (!PhonePattern().IsMatch(phone.Trim()) || phone.Count(char.IsAsciiDigit) is < 10 or > 15))
        {
            validation.Add(field, $"{field} is not a telephone number.");
        }

        return validation;
    }

    /// <summary>Enums as the API spells them (kebab-case), for events and exports.</summary>
    public static string Code(this OrganisationType type) => JsonNamingPolicy.KebabCaseLower.ConvertName(type.ToString());

    private static string Truncate(string value) => value.Length > 60 ? value[..60] + "…" : value;
}
