using System.Globalization;
using System.Net.Http.Headers;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using PanelPlatform.ServiceDefaults.Auth;
using PanelPlatform.Web.Gateway;
using PanelPlatform.Web.Govuk;

namespace PanelPlatform.Web.Pages.Console.Cases;

/// <summary>
/// One case as the caseworker works it: what it is, who it is about (personal data: caseworkers only — the API leaves
/// it out for anyone else), its clocks, notes, documents and timeline; and what can be done next, in the order the
/// case allows it. The API decides every rule; its refusals are shown in words, keeping what was typed.
/// </summary>
[Authorize(Policy = Roles.Caseworker)]
public sealed class CaseModel(PanelApi api) : PageModel
{
    public static readonly IReadOnlySet<string> AllowedDocumentTypes = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        "application/pdf", "text/plain", "image/jpeg", "image/png", "message/rfc822", "application/msword",
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    };

    public const long MaxDocumentBytes = 10 * 1024 * 1024;

    public sealed class ReasonForm
    {
        public string? Reason { get; set; }
    }

    public sealed class CloseForm
    {
        public string? Outcome { get; set; }
    }

    public sealed class ExtendForm
    {
        public string? Reason { get; set; }

        public string? WorkingDays { get; set; }
    }

    public sealed class NoteForm
    {
        public string? Text { get; set; }
    }

    public sealed class ReviewForm
    {
        public string? Result { get; set; }

        public string? Recommendations { get; set; }
    }

    public sealed class LinkForm
    {
        public string? Reference { get; set; }
    }

    /// <param name="WholeDay">Only the day is known (a pause runs from one day to another).</param>
    public sealed record TimelineEntry(DateTimeOffset At, string Title, string? Detail, bool WholeDay = false);

    public CaseView Case { get; private set; } = null!;

    public CaseFile? CaseFile => Case.Restricted;

    public ReasonForm Awaiting { get; set; } = new();

    public CloseForm Closing { get; set; } = new();

    public ExtendForm Extension { get; set; } = new();

    public NoteForm Note { get; set; } = new();

    public ReviewForm Review { get; set; } = new();

    public ReasonForm Late { get; set; } = new();

    public LinkForm Linking { get; set; } = new();

    public bool IsMine { get; private set; }

    public bool IsOpen => Case.Status != "closed" && Case.AnonymisedAt is null;

    public bool LateNotAccepted => CaseFile?.Review is { LateApplication: true, LateAcceptedAt: null };

    public bool CanExtend => IsOpen && Case.Status is not "responded" && !Case.Clocks.Extended && Case.Type is "foi-request" or "subject-access-request";

    public IEnumerable<SelectListItem> OutcomeChoices
    {
        get
        {
            var early = Case.Status != "responded";
            return CaseWords.Outcomes
                .Where(o => o.Value switch
                {
                    "withdrawn" => true,
                    "out-of-time" => LateNotAccepted,
                    _ => !early,
                })
                .Select(o => new SelectListItem(o.Text, o.Value));
        }
    }

    public static IEnumerable<SelectListItem> ReviewChoices => [new("Upheld", "upheld"), new("Not upheld", "not-upheld")];

    public IReadOnlyList<TimelineEntry> Timeline { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken) =>
        await LoadAsync(id, cancellationToken) ? Page() : NotFound();

    public Task<IActionResult> OnPostAssignAsync(Guid id, CancellationToken cancellationToken) =>
        ActAsync(id, "api/casework/cases/{0}/assignment", new { }, "Case assigned to you", null, cancellationToken);

    /// <summary>The steps that need nothing typed: acknowledge, start, resume (information received), respond.</summary>
    public Task<IActionResult> OnPostTransitionAsync(Guid id, string to, CancellationToken cancellationToken)
    {
        var done = to switch
        {
            "acknowledged" => "Case acknowledged",
            "in-progress" when Request.Form["resume"] == "true" => "Case resumed: the clock is running again",
            "in-progress" => "Work started on the case",
            "responded" => "Case marked as responded",
            _ => null,
        };
        return done is null
            ? Task.FromResult<IActionResult>(BadRequest())
            : ActAsync(id, "api/casework/cases/{0}/transitions", new { to }, done, null, cancellationToken);
    }

    public async Task<IActionResult> OnPostAwaitAsync(Guid id, CancellationToken cancellationToken)
    {
        await BindAsync(Awaiting, nameof(Awaiting));
        Required(Awaiting.Reason, "Awaiting.Reason", "Enter what information you have asked for", 2000);
        return await ActAsync(id, "api/casework/cases/{0}/transitions", new { to = "awaiting-information", reason = Awaiting.Reason?.Trim() },
            "Case awaiting information: the clock is paused", new() { ["reason"] = "Awaiting.Reason" }, cancellationToken);
    }

    public async Task<IActionResult> OnPostCloseAsync(Guid id, CancellationToken cancellationToken)
    {
        await BindAsync(Closing, nameof(Closing));
        if (CaseWords.Outcomes.All(o => o.Value != Closing.Outcome))
        {
            ModelState.AddModelError("Closing.Outcome", "Select the outcome of the case");
        }

        return await ActAsync(id, "api/casework/cases/{0}/transitions", new { to = "closed", outcome = Closing.Outcome },
            $"Case closed: {CaseWords.Outcome(Closing.Outcome).ToLowerInvariant()}", new() { ["outcome"] = "Closing.Outcome" }, cancellationToken);
    }

    public async Task<IActionResult> OnPostExtendAsync(Guid id, CancellationToken cancellationToken)
    {
        await BindAsync(Extension, nameof(Extension));
        Required(Extension.Reason, "Extension.Reason", "Enter the reason for the extension", 2000);
        int? days = null;
        if (!string.IsNullOrWhiteSpace(Extension.WorkingDays))
        {
            if (int.TryParse(Extension.WorkingDays.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var parsed))
            {
                days = parsed;
            }
            else
            {
                ModelState.AddModelError("Extension.WorkingDays", "Enter the working days to add as a whole number, like 10");
            }
        }

        return await ActAsync(id, "api/casework/cases/{0}/extension", new { reason = Extension.Reason?.Trim(), workingDays = days },
            "Time limit extended", new() { ["reason"] = "Extension.Reason", ["workingDays"] = "Extension.WorkingDays" }, cancellationToken,
            problemField: "Extension.WorkingDays");
    }

    public async Task<IActionResult> OnPostNoteAsync(Guid id, CancellationToken cancellationToken)
    {
        await BindAsync(Note, nameof(Note));
        Required(Note.Text, "Note.Text", "Enter the note", 10_000);
        return await ActAsync(id, "api/casework/cases/{0}/notes", new { text = Note.Text?.Trim() }, "Note added", new() { ["text"] = "Note.Text" }, cancellationToken);
    }

    public async Task<IActionResult> OnPostAcceptLateAsync(Guid id, CancellationToken cancellationToken)
    {
        await BindAsync(Late, nameof(Late));
        Required(Late.Reason, "Late.Reason", "Enter why the late application is accepted", 2000);
        return await ActAsync(id, "api/casework/cases/{0}/review/late-acceptance", new { reason = Late.Reason?.Trim() },
            "Late application accepted", new() { ["reason"] = "Late.Reason" }, cancellationToken);
    }

    public async Task<IActionResult> OnPostReviewAsync(Guid id, CancellationToken cancellationToken)
    {
        await BindAsync(Review, nameof(Review));
        if (Review.Result is not ("upheld" or "not-upheld"))
        {
            ModelState.AddModelError("Review.Result", "Select the result of the review");
        }

        if (Review.Recommendations?.Trim().Length > 10_000)
        {
            ModelState.AddModelError("Review.Recommendations", "The recommendations must be 10,000 characters or fewer");
        }

        return await ActAsync(id, "api/casework/cases/{0}/review/outcome",
            new { result = Review.Result, recommendations = string.IsNullOrWhiteSpace(Review.Recommendations) ? null : Review.Recommendations.Trim() },
            "Review outcome recorded", new() { ["result"] = "Review.Result", ["recommendations"] = "Review.Recommendations" }, cancellationToken);
    }

    public async Task<IActionResult> OnPostLinkAsync(Guid id, CancellationToken cancellationToken)
    {
        await BindAsync(Linking, nameof(Linking));
        Required(Linking.Reference, "Linking.Reference", "Enter the reference of the case to link", 20);
        return await ActAsync(id, "api/casework/cases/{0}/links", new { reference = Linking.Reference?.Trim() },
            $"Case linked to {Linking.Reference?.Trim().ToUpperInvariant()}", new() { ["reference"] = "Linking.Reference" }, cancellationToken,
            problemField: "Linking.Reference");
    }

    public async Task<IActionResult> OnPostUploadAsync(Guid id, IFormFile? document, CancellationToken cancellationToken)
    {
        ModelState.Clear();
        if (document is null || document.Length == 0)
        {
            ModelState.AddModelError("Document", "Select a document to upload");
        }
        else if (document.Length > MaxDocumentBytes)
        {
            ModelState.AddModelError("Document", "The document must be smaller than 10 MB");
        }
        else if (!AllowedDocumentTypes.Contains(document.ContentType))
        {
            ModelState.AddModelError("Document", "The document must be a PDF, Word document, text file, email (.eml), JPG or PNG");
        }

        if (!ModelState.IsValid)
        {
            return await LoadAsync(id, cancellationToken) ? Page() : NotFound();
        }

        var fileName = Path.GetFileName(document!.FileName);
        using var request = new HttpRequestMessage(HttpMethod.Post, $"api/casework/cases/{id}/documents?fileName={Uri.EscapeDataString(fileName)}");
        await using var stream = document.OpenReadStream();
        request.Content = new StreamContent(stream);
        request.Content.Headers.ContentType = new MediaTypeHeaderValue(document.ContentType);
        var result = await api.SendAsync<System.Text.Json.JsonElement>(request, cancellationToken);
        if (!result.Ok)
        {
            if (!await LoadAsync(id, cancellationToken))
            {
                return NotFound();
            }

            ModelState.AddApiProblem(result.Problem!, new Dictionary<string, string> { ["fileName"] = "Document", ["contentType"] = "Document", ["body"] = "Document" });
            return Page();
        }

        ConsoleBanner.Show(TempData, $"Document {fileName} uploaded");
        return RedirectToPage(new { id });
    }

    /// <summary>A document's bytes, passed on from the API (which records the download).</summary>
    public async Task<IActionResult> OnGetDocumentAsync(Guid id, Guid documentId, CancellationToken cancellationToken)
    {
        var response = await api.SendRawAsync(new HttpRequestMessage(HttpMethod.Get, $"api/casework/cases/{id}/documents/{documentId}"),
            HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            var status = (int)response.StatusCode;
            response.Dispose();
            return StatusCode(status == StatusCodes.Status404NotFound ? status : StatusCodes.Status409Conflict);
        }

        HttpContext.Response.RegisterForDispose(response);
        var name = response.Content.Headers.ContentDisposition?.FileNameStar ?? response.Content.Headers.ContentDisposition?.FileName?.Trim('"') ?? "document";
        return File(await response.Content.ReadAsStreamAsync(cancellationToken), response.Content.Headers.ContentType?.ToString() ?? "application/octet-stream", name);
    }

    private async Task BindAsync<T>(T form, string prefix) where T : class
    {
        await TryUpdateModelAsync(form, prefix);
        // The binder's own messages are not the Design System's: the page's checks replace them.
        ModelState.Clear();
    }

    private void Required(string? value, string key, string message, int max)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            ModelState.AddModelError(key, message);
        }
        else if (value.Trim().Length > max)
        {
            ModelState.AddModelError(key, $"This must be {max.ToString("N0", CultureInfo.InvariantCulture)} characters or fewer");
        }
    }

    /// <summary>Posts one action; on success back to the case with a banner, otherwise the case again with the problem.</summary>
    private async Task<IActionResult> ActAsync(
        Guid id, string path, object body, string done, Dictionary<string, string>? fields, CancellationToken cancellationToken, string? problemField = null)
    {
        if (!ModelState.IsValid)
        {
            return await LoadAsync(id, cancellationToken) ? Page() : NotFound();
        }

        var result = await api.PostAsync<System.Text.Json.JsonElement>(string.Format(CultureInfo.InvariantCulture, path, id), body, cancellationToken);
        if (result.NotFound)
        {
            return NotFound();
        }

        if (!result.Ok)
        {
            if (!await LoadAsync(id, cancellationToken))
            {
                return NotFound();
            }

            var problem = result.Problem!;
            if (problem.Errors.Count > 0)
            {
                ModelState.AddApiProblem(problem, fields);
            }
            else
            {
                // A rule of the case (409/422): said in the API's words, beside the field it concerns when there is one.
                ModelState.AddModelError(problemField ?? "", Plain(problem));
            }

            return Page();
        }

        ConsoleBanner.Show(TempData, done);
        return RedirectToPage(new { id });
    }

    private static string Plain(ApiProblem problem) => problem.Type?.EndsWith("/changed-concurrently", StringComparison.Ordinal) == true
        ? "Someone else changed this case at the same moment. It is shown again below as it is now; try again."
        : $"{problem.Title?.TrimEnd('.')}: {problem.Detail}";

    private async Task<bool> LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        var found = await api.GetAsync<CaseView>($"api/casework/cases/{id}", cancellationToken);
        if (found.NotFound)
        {
            return false;
        }

        Case = found.Required("the case");
        if (CaseFile?.Assignee is { } assignee)
        {
            // The caller's own caseworker id is learnt by registering (idempotent), as the API assigns "me".
            var me = await api.PostAsync<CaseworkerView>("api/casework/caseworkers/me", null, cancellationToken);
            IsMine = me.Ok && me.Value!.Id == assignee.Id;
        }

        Timeline = BuildTimeline();
        return true;
    }

    /// <summary>What happened to the case, newest first, from the dates the case file records.</summary>
    private List<TimelineEntry> BuildTimeline()
    {
        var entries = new List<TimelineEntry> { new(Case.ReceivedAt, "Received", $"By {CaseWords.Channel(Case.Channel).ToLowerInvariant()}") };
        if (Case.AcknowledgedAt is { } acknowledged)
        {
            entries.Add(new(acknowledged, "Acknowledged", null));
        }

        if (CaseFile is { } file)
        {
            foreach (var pause in file.Pauses)
            {
                entries.Add(new(London(pause.From), "Information asked for: clock paused", pause.Reason, WholeDay: true));
                if (pause.Until is { } until)
                {
                    entries.Add(new(London(until), "Information received: clock running again", null, WholeDay: true));
                }
            }

            if (file.Extension is { ExtendedAt: { } extended } extension)
            {
                entries.Add(new(extended, $"Time limit extended by {extension.AddedTime}", extension.Reason));
            }

            if (file.Review is { LateAcceptedAt: { } accepted } lateReview)
            {
                entries.Add(new(accepted, "Late application accepted", lateReview.LateAcceptanceReason));
            }

            if (file.Review is { RecordedAt: { } recorded } review)
            {
                entries.Add(new(recorded, $"Review outcome recorded: {Display.Words(review.Result)}", review.Recommendations));
            }

            entries.AddRange(file.Notes.Select(n => new TimelineEntry(n.CreatedAt, $"Note by {n.AuthorName}", n.Text)));
            entries.AddRange(file.Documents.Select(d => new TimelineEntry(d.UploadedAt, $"Document uploaded by {d.UploadedBy}", d.FileName)));
        }

        if (Case.RespondedAt is { } responded)
        {
            entries.Add(new(responded, "Responded", null));
        }

        if (Case.ClosedAt is { } closed)
        {
            entries.Add(new(closed, $"Closed: {CaseWords.Outcome(Case.Outcome).ToLowerInvariant()}", null));
        }

        if (Case.ReferredToPanelAt is { } referred)
        {
            entries.Add(new(referred, "Referred to the Police and Crime Panel", null));
        }

        return entries.OrderByDescending(e => e.At).ToList();
    }

    /// <summary>Midday of a London day, to place a day-only event among timed ones.</summary>
    private static DateTimeOffset London(DateOnly date)
    {
        var midday = date.ToDateTime(new TimeOnly(12, 0));
        return new DateTimeOffset(midday, Display.InLondon(new DateTimeOffset(midday, TimeSpan.Zero)).Offset);
    }
}
