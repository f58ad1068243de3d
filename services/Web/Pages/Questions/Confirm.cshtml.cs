using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using PanelPlatform.Web.Gateway;

namespace PanelPlatform.Web.Pages.Questions;

/// <summary>
/// Where the confirmation email's link lands. Opening the link confirms nothing (mail scanners open links too): the
/// resident presses the button, which posts the token to the Questions API, and the page says what the API answered.
/// </summary>
public sealed class ConfirmModel(PanelApi api) : PageModel
{
    public enum Outcome
    {
        /// <summary>The link is shown with its button.</summary>
        Ready,
        Confirmed,
        Expired,
        Invalid,
        CannotConfirm,
    }

    public sealed record Receipt(Guid Id, string Status, Guid MeetingId, string MeetingTitle, DateTimeOffset Deadline, string Message);

    [BindProperty(SupportsGet = true, Name = "token")]
    public string? Token { get; set; }

    public Outcome Result { get; private set; }

    public Receipt? Confirmed { get; private set; }

    public string? Detail { get; private set; }

    public void OnGet()
    {
        Token = Token?.Trim();
        Result = string.IsNullOrEmpty(Token) || Token.Length > 100 ? Outcome.Invalid : Outcome.Ready;
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        Token = Token?.Trim();
        if (string.IsNullOrEmpty(Token) || Token.Length > 100)
        {
            Result = Outcome.Invalid;
            return Page();
        }

        var result = await api.PostAsync<Receipt>("api/questions/confirm", new { token = Token }, cancellationToken);
        if (result.Ok)
        {
            Confirmed = result.Value;
            Result = Outcome.Confirmed;
        }
        else
        {
            var problem = result.Problem!;
            Detail = problem.Detail;
            Result = problem.Type?.EndsWith("/confirmation-expired", StringComparison.Ordinal) == true ? Outcome.Expired
                : problem.Status == StatusCodes.Status409Conflict ? Outcome.CannotConfirm
                : Outcome.Invalid;
        }

        if (Result != Outcome.Confirmed)
        {
            Response.StatusCode = Result == Outcome.CannotConfirm ? StatusCodes.Status409Conflict : StatusCodes.Status400BadRequest;
        }

        return Page();
    }
}
