using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using PanelPlatform.Web.Gateway;
using PanelPlatform.Web.Govuk;

namespace PanelPlatform.Web.Pages.Console.Meetings;

/// <summary>Add an agenda item or change one: its number, title, Part I or II, kind, and the cover sheet of its report.</summary>
public sealed class ItemModel(PanelApi api) : ClerkMeetingPageModel(api)
{
    public const string PartI = "part-i";
    public const string PartII = "part-ii";

    public static readonly IReadOnlyList<SelectListItem> Parts =
    [
        new("Part I – open to the public", PartI),
        new("Part II – exempt, not for publication", PartII),
    ];

    /// <summary>The route's last segment: <c>add</c>, or the id of the item to change.</summary>
    [BindProperty(SupportsGet = true, Name = "item")]
    public string? ItemSegment { get; set; }

    public Guid? ItemId { get; private set; }

    [BindProperty]
    public ItemInput Input { get; set; } = new();

    public ItemRecord? Item { get; private set; }

    public bool Adding => ItemId is null;

    /// <summary>Where the form posts: the item's own address once it exists (even when only its report failed).</summary>
    public string FormAction => ItemId is { } id ? $"{MeetingPath}/agenda/{id}" : $"{MeetingPath}/agenda/add";

    public IEnumerable<SelectListItem> KindChoices => ConsoleText.Options(ConsoleText.ItemKinds);

    public sealed class ItemInput
    {
        public string? Number { get; set; }
        public string? Title { get; set; }
        public string? Description { get; set; }
        public string? Kind { get; set; } = "business";
        public string? Part { get; set; } = PartI;
        public string? ExemptionReason { get; set; }
        public string? PageFrom { get; set; }
        public string? PageTo { get; set; }
        public string? ReportTitle { get; set; }
        public string? ReportBy { get; set; }
        public DateParts ReportDate { get; set; } = new();
        public string? Purpose { get; set; }
        public string? Recommendations { get; set; }
        public string? ContactName { get; set; }
        public string? ContactPhone { get; set; }
        public string? ContactEmail { get; set; }

        public bool HasReport =>
            new[] { ReportTitle, ReportBy, Purpose, Recommendations, ContactName, ContactPhone, ContactEmail }.Any(v => !string.IsNullOrWhiteSpace(v)) ||
            !ReportDate.IsEmpty;
    }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken))
        {
            return NotFound();
        }

        if (!Meeting.AgendaEditable)
        {
            return Redirect($"{MeetingPath}/agenda");
        }

        if (Item is { } item)
        {
            Input = new ItemInput
            {
                Number = item.Number, Title = item.Title, Description = item.Description, Kind = item.Kind, Part = item.Part,
                ExemptionReason = item.ExemptionReason,
                PageFrom = item.PageFrom?.ToString(CultureInfo.InvariantCulture), PageTo = item.PageTo?.ToString(CultureInfo.InvariantCulture),
                ReportTitle = item.Report?.Title, ReportBy = item.Report?.ReportBy,
                ReportDate = DateParts.From(item.Report?.Date),
                Purpose = item.Report?.Purpose, Recommendations = item.Report?.Recommendations,
                ContactName = item.Report?.ContactName, ContactPhone = item.Report?.ContactPhone, ContactEmail = item.Report?.ContactEmail,
            };
        }
        else
        {
            // The next number after the last plain one: items are usually numbered 1, 2, 3…
            var last = Meeting.Items.Select(i => int.TryParse(i.Number, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : 0).DefaultIfEmpty(0).Max();
            Input.Number = (last + 1).ToString(CultureInfo.InvariantCulture);
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken))
        {
            return NotFound();
        }

        var (pageFrom, pageTo, reportDate) = Check();
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var request = new
        {
            number = Input.Number!.Trim(),
            title = Input.Title!.Trim(),
            description = Input.Description,
            kind = Input.Kind,
            part = Input.Part,
            exemptionReason = Input.Part == PartII ? Input.ExemptionReason?.Trim() : null,
            pageFrom,
            pageTo,
        };
        var saved = Adding
            ? await Api.PostAsync<ItemRecord>($"api/meetings/meetings/{Id}/items", request, cancellationToken)
            : await Api.PutAsync<ItemRecord>($"api/meetings/items/{ItemId}", request, cancellationToken);
        if (!saved.Ok)
        {
            ModelState.AddConsoleProblem(saved.Problem!, ItemFields, ItemRules);
            return Page();
        }

        var added = Adding;
        ItemId = saved.Value!.Id;
        if (Input.HasReport)
        {
            var report = await Api.PutAsync<ReportRecord>($"api/meetings/items/{ItemId}/report", new
            {
                title = Input.ReportTitle!.Trim(),
                reportBy = Input.ReportBy!.Trim(),
                date = reportDate,
                purpose = Input.Purpose!.Trim(),
                recommendations = Input.Recommendations,
                contactName = Input.ContactName,
                contactPhone = Input.ContactPhone,
                contactEmail = Input.ContactEmail,
                attachments = Item?.Report?.Attachments,
            }, cancellationToken);
            if (!report.Ok)
            {
                // The item itself is saved: the form goes on as the item's own, so posting again changes it, not adds another.
                ModelState.AddConsoleProblem(report.Problem!, ReportFields);
                if (added)
                {
                    ModelState.AddModelError("", $"Item {request.number} was added, but not its report: correct the report below and save again.");
                }

                return Page();
            }
        }

        return Done(added ? $"Item {request.number} added" : $"Item {request.number} saved", $"{MeetingPath}/agenda#item-{ItemId}");
    }

    private (int? PageFrom, int? PageTo, DateOnly? ReportDate) Check()
    {
        if (string.IsNullOrWhiteSpace(Input.Number))
        {
            ModelState.AddModelError("Input.Number", "Enter the item's number, for example 4 or 4a");
        }

        if (string.IsNullOrWhiteSpace(Input.Title))
        {
            ModelState.AddModelError("Input.Title", "Enter the item's title");
        }

        if (ConsoleText.ItemKinds.All(k => k.Value != Input.Kind))
        {
            ModelState.AddModelError("Input.Kind", "Select what kind of item this is");
        }

        if (Input.Part is not (PartI or PartII))
        {
            ModelState.AddModelError("Input.Part", "Select whether the item is Part I or Part II");
        }
        else if (Input.Part == PartII && string.IsNullOrWhiteSpace(Input.ExemptionReason))
        {
            ModelState.AddModelError("Input.ExemptionReason", "Enter why the item is exempt, for example Paragraph 1 of Schedule 12A to the Local Government Act 1972");
        }

        int? Page(string? text, string field, string what)
        {
            if (string.IsNullOrWhiteSpace(text))
            {
                return null;
            }

            if (int.TryParse(text.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var page) && page >= 1)
            {
                return page;
            }

            ModelState.AddModelError(field, $"The {what} must be a whole number, 1 or more");
            return null;
        }

        var pageFrom = Page(Input.PageFrom, "Input.PageFrom", "first page");
        var pageTo = Page(Input.PageTo, "Input.PageTo", "last page");
        DateOnly? reportDate = null;
        if (Input.HasReport)
        {
            if (string.IsNullOrWhiteSpace(Input.ReportTitle))
            {
                ModelState.AddModelError("Input.ReportTitle", "Enter the report's title");
            }

            if (string.IsNullOrWhiteSpace(Input.ReportBy))
            {
                ModelState.AddModelError("Input.ReportBy", "Enter who the report is by, for example Chief Constable");
            }

            (reportDate, var dateError) = Input.ReportDate.Read("The report's date", required: true, "Enter the report's date");
            if (dateError is not null)
            {
                ModelState.AddModelError("Input.ReportDate", dateError);
            }

            if (string.IsNullOrWhiteSpace(Input.Purpose))
            {
                ModelState.AddModelError("Input.Purpose", "Enter the purpose of the report");
            }
        }
        else if (Item?.Report is not null)
        {
            ModelState.AddModelError("Input.ReportTitle", "Enter the report's details: a report stays with its item once added");
        }

        return (pageFrom, pageTo, reportDate);
    }

    private static readonly Dictionary<string, string> ItemFields = new()
    {
        ["number"] = "Input.Number", ["title"] = "Input.Title", ["description"] = "Input.Description", ["kind"] = "Input.Kind",
        ["part"] = "Input.Part", ["exemptionReason"] = "Input.ExemptionReason", ["pageFrom"] = "Input.PageFrom", ["pageTo"] = "Input.PageTo",
    };

    private static readonly Dictionary<string, string> ItemRules = new()
    {
        ["exemption-reason-required"] = "Input.ExemptionReason", ["exemption-reason-for-public-item"] = "Input.ExemptionReason",
        ["page-range-backwards"] = "Input.PageTo", ["page-range-invalid"] = "Input.PageFrom",
    };

    private static readonly Dictionary<string, string> ReportFields = new()
    {
        ["title"] = "Input.ReportTitle", ["reportBy"] = "Input.ReportBy", ["date"] = "Input.ReportDate", ["purpose"] = "Input.Purpose",
        ["recommendations"] = "Input.Recommendations", ["contactName"] = "Input.ContactName", ["contactPhone"] = "Input.ContactPhone",
        ["contactEmail"] = "Input.ContactEmail",
    };

    private async Task<bool> LoadAsync(CancellationToken cancellationToken)
    {
        if (ItemSegment != "add")
        {
            if (!Guid.TryParse(ItemSegment, out var id))
            {
                return false;
            }

            ItemId = id;
        }

        if (!await LoadMeetingAsync(cancellationToken))
        {
            return false;
        }

        if (ItemId is { } itemId)
        {
            Item = Meeting.Items.FirstOrDefault(i => i.Id == itemId);
            return Item is not null;
        }

        return true;
    }
}
