using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace PanelPlatform.Web.Govuk;

/// <summary>
/// GOV.UK Design System form fields bound to a page property: label, hint, error message and the field itself, with
/// the error state and <c>aria-describedby</c> the Design System asks for. The field's id is the property's name with
/// dots made underscores, which is also what <see cref="ErrorSummaryTagHelper"/> links to.
/// </summary>
public abstract class GovukFieldTagHelper : TagHelper
{
    [HtmlAttributeName("asp-for")]
    public ModelExpression For { get; set; } = null!;

    public string Label { get; set; } = "";

    public string? Hint { get; set; }

    /// <summary>Shows the label as the page's heading (one-question pages).</summary>
    public bool LabelIsHeading { get; set; }

    /// <summary>Extra classes on the field, e.g. <c>govuk-input--width-10</c>.</summary>
    public string? FieldClass { get; set; }

    [ViewContext]
    [HtmlAttributeNotBound]
    public ViewContext ViewContext { get; set; } = null!;

    protected string Name => For.Name;

    protected string Id => FieldIds.For(For.Name);

    protected string? Error =>
        ViewContext.ViewData.ModelState.TryGetValue(For.Name, out var entry) && entry.Errors.Count > 0 ? entry.Errors[0].ErrorMessage : null;

    /// <summary>What was posted when the form is shown again, else the property's value.</summary>
    protected string? CurrentValue =>
        ViewContext.ViewData.ModelState.TryGetValue(For.Name, out var entry) && entry.AttemptedValue is not null
            ? entry.AttemptedValue
            : For.Model switch
            {
                null => null,
                DateOnly d => d.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
                DateTime d => d.ToString("yyyy-MM-ddTHH:mm", System.Globalization.CultureInfo.InvariantCulture),
                decimal m => m.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture),
                IFormattable f => f.ToString(null, System.Globalization.CultureInfo.InvariantCulture),
                var v => v.ToString(),
            };

    protected string DescribedBy(bool hasHint)
    {
        var ids = new List<string>();
        if (hasHint)
        {
            ids.Add($"{Id}-hint");
        }

        if (Error is not null)
        {
            ids.Add($"{Id}-error");
        }

        return string.Join(' ', ids);
    }

    protected void Open(TagHelperOutput output)
    {
        output.TagName = "div";
        output.TagMode = TagMode.StartTagAndEndTag;
        output.Attributes.SetAttribute("class", Error is null ? "govuk-form-group" : "govuk-form-group govuk-form-group--error");
    }

    protected string LabelHtml()
    {
        var label = $"<label class=\"govuk-label{(LabelIsHeading ? " govuk-label--l" : "")}\" for=\"{Encode(Id)}\">{Encode(Label)}</label>";
        return LabelIsHeading ? $"<h1 class=\"govuk-label-wrapper\">{label}</h1>" : label;
    }

    protected string HintAndErrorHtml() =>
        (Hint is null ? "" : $"<div id=\"{Encode(Id)}-hint\" class=\"govuk-hint\">{Encode(Hint)}</div>") +
        (Error is null ? "" : $"<p id=\"{Encode(Id)}-error\" class=\"govuk-error-message\"><span class=\"govuk-visually-hidden\">Error:</span> {Encode(Error)}</p>");

    protected static string Encode(string? value) => HtmlEncoder.Default.Encode(value ?? "");

    protected static string Attribute(string name, string? value) => string.IsNullOrEmpty(value) ? "" : $" {name}=\"{Encode(value)}\"";
}

[HtmlTargetElement("govuk-input", TagStructure = TagStructure.WithoutEndTag)]
public sealed class InputTagHelper : GovukFieldTagHelper
{
    public string Type { get; set; } = "text";

    public string? Autocomplete { get; set; }

    public string? Inputmode { get; set; }

    /// <summary>Text shown before the field, e.g. £.</summary>
    public string? Prefix { get; set; }

    public bool Spellcheck { get; set; } = true;

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        Open(output);
        var classes = $"govuk-input{(Error is null ? "" : " govuk-input--error")}{(FieldClass is null ? "" : " " + FieldClass)}";
        var input = $"<input class=\"{Encode(classes)}\" id=\"{Encode(Id)}\" name=\"{Encode(Name)}\" type=\"{Encode(Type)}\"" +
                    Attribute("value", CurrentValue) + Attribute("autocomplete", Autocomplete) + Attribute("inputmode", Inputmode) +
                    Attribute("aria-describedby", DescribedBy(Hint is not null)) + (Spellcheck ? "" : " spellcheck=\"false\"") + ">";
        if (Prefix is not null)
        {
            input = $"<div class=\"govuk-input__wrapper\"><div class=\"govuk-input__prefix\" aria-hidden=\"true\">{Encode(Prefix)}</div>{input}</div>";
        }

        output.Content.SetHtmlContent(LabelHtml() + HintAndErrorHtml() + input);
    }
}

[HtmlTargetElement("govuk-textarea", TagStructure = TagStructure.WithoutEndTag)]
public sealed class TextareaTagHelper : GovukFieldTagHelper
{
    public int Rows { get; set; } = 5;

    /// <summary>With a limit, the GOV.UK character count (which says how many are left, and works without JavaScript as a plain limit hint).</summary>
    public int? MaxLength { get; set; }

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        Open(output);
        var classes = $"govuk-textarea{(MaxLength is null ? "" : " govuk-js-character-count")}{(Error is null ? "" : " govuk-textarea--error")}{(FieldClass is null ? "" : " " + FieldClass)}";
        var describedBy = DescribedBy(Hint is not null);
        if (MaxLength is not null)
        {
            describedBy = $"{describedBy} {Id}-info".Trim();
        }

        var textarea = $"<textarea class=\"{Encode(classes)}\" id=\"{Encode(Id)}\" name=\"{Encode(Name)}\" rows=\"{Rows}\"" +
                       Attribute("aria-describedby", describedBy) + $">{Encode(CurrentValue)}</textarea>";
        if (MaxLength is { } max)
        {
            output.Attributes.SetAttribute("class", $"govuk-form-group govuk-character-count{(Error is null ? "" : " govuk-form-group--error")}");
            output.Attributes.SetAttribute("data-module", "govuk-character-count");
            output.Attributes.SetAttribute("data-maxlength", max);
            textarea += $"<div id=\"{Encode(Id)}-info\" class=\"govuk-hint govuk-character-count__message\">You can enter up to {max:N0} characters</div>";
        }

        output.Content.SetHtmlContent(LabelHtml() + HintAndErrorHtml() + textarea);
    }
}

[HtmlTargetElement("govuk-select", TagStructure = TagStructure.WithoutEndTag)]
public sealed class SelectTagHelper : GovukFieldTagHelper
{
    public IEnumerable<SelectListItem> Items { get; set; } = [];

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        Open(output);
        var current = CurrentValue;
        var options = string.Concat(Items.Select(item =>
            $"<option value=\"{Encode(item.Value)}\"{(item.Value == current || (current is null && item.Selected) ? " selected" : "")}>{Encode(item.Text)}</option>"));
        var select = $"<select class=\"govuk-select{(Error is null ? "" : " govuk-select--error")}\" id=\"{Encode(Id)}\" name=\"{Encode(Name)}\"" +
                     Attribute("aria-describedby", DescribedBy(Hint is not null)) + $">{options}</select>";
        output.Content.SetHtmlContent(LabelHtml() + HintAndErrorHtml() + select);
    }
}

/// <summary>Checkboxes or radios in a fieldset whose legend is the question.</summary>
public abstract class GovukChoicesTagHelper : GovukFieldTagHelper
{
    public IEnumerable<SelectListItem> Items { get; set; } = [];

    /// <summary>Shows the choices side by side (for two or three short ones).</summary>
    public bool Inline { get; set; }

    public bool Small { get; set; }

    protected abstract string Kind { get; }

    protected abstract string InputType { get; }

    protected abstract IReadOnlySet<string> Chosen { get; }

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        Open(output);
        var chosen = Chosen;
        var index = 0;
        var choices = string.Concat(Items.Select(item =>
        {
            var id = index++ == 0 ? Id : $"{Id}-{index}";
            return $"<div class=\"govuk-{Kind}__item\"><input class=\"govuk-{Kind}__input\" id=\"{Encode(id)}\" name=\"{Encode(Name)}\" type=\"{InputType}\" " +
                   $"value=\"{Encode(item.Value)}\"{(chosen.Contains(item.Value) ? " checked" : "")}{(item.Disabled ? " disabled" : "")}>" +
                   $"<label class=\"govuk-label govuk-{Kind}__label\" for=\"{Encode(id)}\">{Encode(item.Text)}</label></div>";
        }));
        var legend = LabelIsHeading
            ? $"<legend class=\"govuk-fieldset__legend govuk-fieldset__legend--l\"><h1 class=\"govuk-fieldset__heading\">{Encode(Label)}</h1></legend>"
            : $"<legend class=\"govuk-fieldset__legend govuk-fieldset__legend--s\">{Encode(Label)}</legend>";
        var classes = $"govuk-{Kind}{(Inline ? $" govuk-{Kind}--inline" : "")}{(Small ? $" govuk-{Kind}--small" : "")}";
        output.Content.SetHtmlContent(
            $"<fieldset class=\"govuk-fieldset\"{Attribute("aria-describedby", DescribedBy(Hint is not null))}>{legend}{HintAndErrorHtml()}" +
            $"<div class=\"{classes}\" data-module=\"govuk-{Kind}\">{choices}</div></fieldset>");
    }
}

[HtmlTargetElement("govuk-checkboxes", TagStructure = TagStructure.WithoutEndTag)]
public sealed class CheckboxesTagHelper : GovukChoicesTagHelper
{
    protected override string Kind => "checkboxes";

    protected override string InputType => "checkbox";

    protected override IReadOnlySet<string> Chosen =>
        ViewContext.ViewData.ModelState.TryGetValue(For.Name, out var entry) && entry.RawValue is not null
            ? (entry.RawValue as string[] ?? [entry.AttemptedValue ?? ""]).ToHashSet(StringComparer.Ordinal)
            : (For.Model as IEnumerable<string> ?? []).ToHashSet(StringComparer.Ordinal);
}

[HtmlTargetElement("govuk-radios", TagStructure = TagStructure.WithoutEndTag)]
public sealed class RadiosTagHelper : GovukChoicesTagHelper
{
    protected override string Kind => "radios";

    protected override string InputType => "radio";

    protected override IReadOnlySet<string> Chosen => CurrentValue is { } value ? new HashSet<string>(StringComparer.Ordinal) { value } : [];
}

/// <summary>The error summary at the top of a page whose form failed: each message links to its field.</summary>
[HtmlTargetElement("govuk-error-summary", TagStructure = TagStructure.WithoutEndTag)]
public sealed class ErrorSummaryTagHelper : TagHelper
{
    [ViewContext]
    [HtmlAttributeNotBound]
    public ViewContext ViewContext { get; set; } = null!;

    /// <summary>
    /// The fields' keys in the order the form asks them (ModelState does not keep the order errors were added in):
    /// messages for these come first, in this order, after any for the page as a whole; any others after them.
    /// </summary>
    public IEnumerable<string>? FieldOrder { get; set; }

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        var state = ViewContext.ViewData.ModelState;
        if (state.IsValid)
        {
            output.SuppressOutput();
            return;
        }

        var order = FieldOrder?.ToList() ?? [];
        int Rank(string key) => key.Length == 0 ? -1 : order.IndexOf(key) is var index and >= 0 ? index : int.MaxValue;
        var items = state
            .Where(entry => entry.Value?.ValidationState == ModelValidationState.Invalid)
            .SelectMany(entry => entry.Value!.Errors.Select(error => (Key: entry.Key, error.ErrorMessage)))
            .OrderBy(e => Rank(e.Key))
            .Select(e => e.Key.Length == 0
                ? $"<li>{HtmlEncoder.Default.Encode(e.ErrorMessage)}</li>"
                : $"<li><a href=\"#{HtmlEncoder.Default.Encode(FieldIds.For(e.Key))}\">{HtmlEncoder.Default.Encode(e.ErrorMessage)}</a></li>");
        output.TagName = "div";
        output.TagMode = TagMode.StartTagAndEndTag;
        output.Attributes.SetAttribute("class", "govuk-error-summary");
        output.Attributes.SetAttribute("data-module", "govuk-error-summary");
        output.Content.SetHtmlContent(
            "<div role=\"alert\"><h2 class=\"govuk-error-summary__title\">There is a problem</h2><div class=\"govuk-error-summary__body\">" +
            $"<ul class=\"govuk-list govuk-error-summary__list\">{string.Concat(items)}</ul></div></div>");
    }
}

public static class FieldIds
{
    /// <summary>The id of the field bound to <paramref name="name"/> (<c>Input.Email</c> → <c>Input_Email</c>).</summary>
    public static string For(string name) => TagBuilder.CreateSanitizedId(name, "_");
}
