using PanelPlatform.ServiceDefaults.Http;
using System.Globalization;
using System.Text;
using System.Text.Json.Serialization;
using PanelPlatform.Grants.Domain;

namespace PanelPlatform.Grants.OpenData;

/// <summary>
/// Awards as 360Giving Data Standard grants (schema 1.4): the required fields (id, title, description, currency,
/// amountAwarded, awardDate, recipientOrganization, fundingOrganization) and plannedDates, beneficiaryLocation (the
/// districts, with their ONS codes), grantProgramme, fromOpenCall and the published grant agreement.
/// </summary>
public static class ThreeSixtyGiving
{
    public const string SchemaVersion = "1.4";

    public sealed record Organization(
        string Id,
        string Name,
        [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? CharityNumber = null,
        [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? CompanyNumber = null);

    public sealed record Event(string StartDate, string EndDate, int Duration);

    public sealed record Location(string Name, string CountryCode, string GeoCode, string GeoCodeType);

    public sealed record Programme(string Code, string Title);

    public sealed record Document(string Id, string Title, string Url, string DocumentType);

    public sealed record Grant(
        string Id,
        string Title,
        string Description,
        string Currency,
        decimal AmountAppliedFor,
        decimal AmountAwarded,
        string AwardDate,
        IReadOnlyList<Event> PlannedDates,
        IReadOnlyList<Organization> RecipientOrganization,
        IReadOnlyList<Organization> FundingOrganization,
        IReadOnlyList<Location> BeneficiaryLocation,
        IReadOnlyList<Programme> GrantProgramme,
        string FromOpenCall,
        [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<Document>? RelatedDocument,
        string DateModified);

    public sealed record Publisher(string Name);

    public sealed record Package(string Version, string Title, string License, Publisher Publisher, string Modified, IReadOnlyList<Grant> Grants);

    public static Grant ToGrant(Award award, OpenDataOptions options)
    {
        var recipientId = RegistrationNumbers.OrgId(award.Recipient.CharityNumber, award.Recipient.CompanyNumber)
            ?? $"{options.IdentifierPrefix}-org-{Slugs.From(award.Recipient.Name)}";
        return new Grant(
            Id: $"{options.IdentifierPrefix}-{award.Id}",
            Title: award.ProjectTitle,
            Description: award.ProjectDescription,
            Currency: "GBP",
            AmountAppliedFor: award.AmountRequested,
            AmountAwarded: award.Amount,
            AwardDate: Date(award.AwardDate),
            PlannedDates: [new Event(Date(award.PlannedStart), Date(award.PlannedEnd), Months(award.PlannedStart, award.PlannedEnd))],
            RecipientOrganization: [new Organization(recipientId, award.Recipient.Name, award.Recipient.CharityNumber, award.Recipient.CompanyNumber)],
            FundingOrganization: [new Organization(award.FunderIdentifier, award.FunderName)],
            BeneficiaryLocation: award.Areas.Select(a => new Location(a, "GB", Districts.OnsCode(a), "LAD")).ToList(),
            GrantProgramme: [new Programme($"{award.SchemeSlug}/{award.RoundId}", $"{award.SchemeName}: {award.RoundName}")],
            FromOpenCall: award.FromOpenCall ? "Yes" : "No",
            RelatedDocument: award.Agreement is { } agreement
                ? [new Document($"{options.IdentifierPrefix}-{award.Id}-agreement", agreement.Title, agreement.Url, "Grant Agreement")]
                : null,
            DateModified: award.UpdatedAt.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture));
    }

    /// <summary>The months the grant spans, counting a part month as whole (360Giving's duration); at least 1.</summary>
    public static int Months(DateOnly start, DateOnly end)
    {
        var months = ((end.Year - start.Year) * 12) + end.Month - start.Month + (end.Day >= start.Day ? 1 : 0);
        return Math.Max(1, months);
    }

    private static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>
    /// The same grants as a 360Giving spreadsheet (CSV, with the standard's column titles). A grant with several
    /// beneficiary locations has one numbered group of columns per location (<c>Beneficiary Location:0:Name</c>, …).
    /// </summary>
    public static string ToCsv(IReadOnlyList<Grant> grants)
    {
        var locations = Math.Max(1, grants.Count == 0 ? 1 : grants.Max(g => g.BeneficiaryLocation.Count));
        var headers = new List<string>
        {
            "Identifier", "Title", "Description", "Currency", "Amount Applied For", "Amount Awarded", "Award Date",
            "Planned Dates:Start Date", "Planned Dates:End Date", "Planned Dates:Duration (months)",
            "Recipient Org:Identifier", "Recipient Org:Name", "Recipient Org:Charity Number", "Recipient Org:Company Number",
        };
        for (var i = 0; i < locations; i++)
        {
            headers.AddRange([$"Beneficiary Location:{i}:Name", $"Beneficiary Location:{i}:Country Code",
                $"Beneficiary Location:{i}:Geographic Code", $"Beneficiary Location:{i}:Geographic Code Type"]);
        }

        headers.AddRange(["Funding Org:Identifier", "Funding Org:Name", "Grant Programme:Code", "Grant Programme:Title",
            "From An Open Call?", "Related Document:0:Title", "Related Document:0:Web Address", "Last Modified"]);

        var csv = new StringBuilder();
        Row(csv, headers);
        foreach (var g in grants)
        {
            var cells = new List<string?>
            {
                g.Id, g.Title, g.Description, g.Currency, Money(g.AmountAppliedFor), Money(g.AmountAwarded), g.AwardDate,
                g.PlannedDates[0].StartDate, g.PlannedDates[0].EndDate, g.PlannedDates[0].Duration.ToString(CultureInfo.InvariantCulture),
                g.RecipientOrganization[0].Id, g.RecipientOrganization[0].Name, g.RecipientOrganization[0].CharityNumber, g.RecipientOrganization[0].CompanyNumber,
            };
            for (var i = 0; i < locations; i++)
            {
                var l = i < g.BeneficiaryLocation.Count ? g.BeneficiaryLocation[i] : null;
                cells.AddRange([l?.Name, l?.CountryCode, l?.GeoCode, l?.GeoCodeType]);
            }

            cells.AddRange([g.FundingOrganization[0].Id, g.FundingOrganization[0].Name, g.GrantProgramme[0].Code, g.GrantProgramme[0].Title,
                g.FromOpenCall, g.RelatedDocument?[0].Title, g.RelatedDocument?[0].Url, g.DateModified]);
            Row(csv, cells);
        }

        return csv.ToString();
    }

    private static string Money(decimal amount) => amount.ToString("0.00", CultureInfo.InvariantCulture);

    /// <summary>RFC 4180: quote a cell holding a comma, quote or line break; double inner quotes; CRLF line ends.</summary>
    private static void Row(StringBuilder csv, IEnumerable<string?> cells)
    {
        csv.AppendJoin(',', cells.Select(c => c is null ? "" :
            c.IndexOfAny([',', '"', '\r', '\n']) >= 0 ? $"\"{c.Replace("\"", "\"\"", StringComparison.Ordinal)}\"" : c));
        csv.Append("\r\n");
    }
}
