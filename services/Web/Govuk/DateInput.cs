using System.Globalization;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace PanelPlatform.Web.Govuk;

/// <summary>A date as the GOV.UK date input asks for it: day, month and year in three boxes, kept as typed.</summary>
public sealed class DateParts
{
    public string? Day { get; set; }

    public string? Month { get; set; }

    public string? Year { get; set; }

    public bool IsEmpty => string.IsNullOrWhiteSpace(Day) && string.IsNullOrWhiteSpace(Month) && string.IsNullOrWhiteSpace(Year);

    public static DateParts From(DateOnly? date) => date is { } d
        ? new DateParts
        {
            Day = d.Day.ToString(CultureInfo.InvariantCulture),
            Month = d.Month.ToString(CultureInfo.InvariantCulture),
            Year = d.Year.ToString(CultureInfo.InvariantCulture),
        }
        : new DateParts();

    /// <summary>
    /// The date, or null when it is empty (and not <paramref name="required"/>); otherwise the GOV.UK error message for
    /// what is wrong with it, naming it as <paramref name="name"/> ("Start date").
    /// </summary>
    public (DateOnly? Date, string? Error) Read(string name, bool required, string requiredMessage)
    {
        if (IsEmpty)
        {
            return (null, required ? requiredMessage : null);
        }

        var missing = new[] { ("day", Day), ("month", Month), ("year", Year) }.Where(p => string.IsNullOrWhiteSpace(p.Item2)).Select(p => p.Item1).ToList();
        if (missing.Count > 0)
        {
            return (null, $"{name} must include a {string.Join(" and ", missing)}");
        }

        if (!int.TryParse(Day!.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var day) ||
            !int.TryParse(Month!.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var month) ||
            !int.TryParse(Year!.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var year) ||
            year is < 1900 or > 2200 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month))
        {
            return (null, $"{name} must be a real date");
        }

        return (new DateOnly(year, month, day), null);
    }
}

/// <summary>
/// The GOV.UK date input bound to a <see cref="DateParts"/> property: a fieldset whose legend is the question, the hint,
/// the error, and the day, month and year boxes. The day box has the property's id, so the error summary's link
/// lands in it.
/// </summary>
[HtmlTargetElement("govuk-date-input", TagStructure = TagStructure.WithoutEndTag)]
public sealed class DateInputTagHelper : GovukFieldTagHelper
{
    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        Open(output);
        var model = For.Model as DateParts ?? new DateParts();
        var error = Error is not null;
        string Part(string part, string label, string? value, string width) =>
            $"<div class=\"govuk-date-input__item\"><div class=\"govuk-form-group\">" +
            $"<label class=\"govuk-label govuk-date-input__label\" for=\"{Encode(PartId(part))}\">{label}</label>" +
            $"<input class=\"govuk-input govuk-date-input__input {width}{(error ? " govuk-input--error" : "")}\" id=\"{Encode(PartId(part))}\" " +
            $"name=\"{Encode($"{Name}.{part}")}\" type=\"text\" inputmode=\"numeric\"{Attribute("value", Posted(part) ?? value)}></div></div>";
        var legend = LabelIsHeading
            ? $"<legend class=\"govuk-fieldset__legend govuk-fieldset__legend--l\"><h1 class=\"govuk-fieldset__heading\">{Encode(Label)}</h1></legend>"
            : $"<legend class=\"govuk-fieldset__legend govuk-fieldset__legend--s\">{Encode(Label)}</legend>";
        output.Content.SetHtmlContent(
            $"<fieldset class=\"govuk-fieldset\" role=\"group\"{Attribute("aria-describedby", DescribedBy(Hint is not null))}>{legend}{HintAndErrorHtml()}" +
            $"<div class=\"govuk-date-input\" id=\"{Encode(Id)}-parts\">" +
            Part(nameof(DateParts.Day), "Day", model.Day, "govuk-input--width-2") +
            Part(nameof(DateParts.Month), "Month", model.Month, "govuk-input--width-2") +
            Part(nameof(DateParts.Year), "Year", model.Year, "govuk-input--width-4") +
            "</div></fieldset>");
    }

    private string PartId(string part) => part == nameof(DateParts.Day) ? Id : $"{Id}_{part}";

    private string? Posted(string part) =>
        ViewContext.ViewData.ModelState.TryGetValue($"{Name}.{part}", out ModelStateEntry? entry) ? entry.AttemptedValue : null;
}
