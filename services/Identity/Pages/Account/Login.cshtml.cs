using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using PanelPlatform.Identity.Data;
using PanelPlatform.Identity.Server;

namespace PanelPlatform.Identity.Pages.Account;

/// <summary>
/// The one form staff sign in with. Whatever went wrong (no such account, a wrong password, a locked account) the
/// page says the same thing, so it cannot be used to find out who has an account or whose is locked.
/// </summary>
[AllowAnonymous]
public sealed class LoginModel(SignInManager<StaffUser> signIn, UserManager<StaffUser> users, IPasswordHasher<StaffUser> hasher) : PageModel
{
    public const string EmailField = "email";
    public const string PasswordField = "password";

    public const string SignInFailed =
        "The email address or password is not right, or the account cannot sign in at the moment. " +
        "After 5 attempts that fail, wait 15 minutes before you try again.";

    private const int MaxLength = 256;

    /// <summary>A hash to check unknown addresses' passwords against, so they take as long as known ones.</summary>
    private static readonly Lazy<string> DecoyHash = new(() => new PasswordHasher<StaffUser>().HashPassword(new StaffUser(), Guid.NewGuid().ToString()));

    public sealed record FieldError(string Field, string Message);

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    [BindProperty]
    public string? Email { get; set; }

    [BindProperty]
    public string? Password { get; set; }

    public List<FieldError> Errors { get; } = [];

    public string? ErrorFor(string field) => Errors.FirstOrDefault(e => e.Field == field)?.Message;

    public void OnGet() => ReturnUrl = SafeReturnUrl(ReturnUrl);

    public async Task<IActionResult> OnPostAsync()
    {
        ReturnUrl = SafeReturnUrl(ReturnUrl);
        Email = Email?.Trim();
        if (string.IsNullOrEmpty(Email))
        {
            Errors.Add(new FieldError(EmailField, "Enter your email address"));
        }
        else if (Email.Length > MaxLength)
        {
            Errors.Add(new FieldError(EmailField, $"Email address must be {MaxLength} characters or fewer"));
            Email = Email[..MaxLength];
        }

        if (string.IsNullOrEmpty(Password))
        {
            Errors.Add(new FieldError(PasswordField, "Enter your password"));
        }
        else if (Password.Length > MaxLength)
        {
            Errors.Add(new FieldError(PasswordField, $"Password must be {MaxLength} characters or fewer"));
        }

        if (Errors.Count == 0)
        {
            var user = await users.FindByEmailAsync(Email!);
            if (user is null)
            {
                hasher.VerifyHashedPassword(new StaffUser(), DecoyHash.Value, Password!);
            }
            else if ((await signIn.PasswordSignInAsync(user, Password!, isPersistent: false, lockoutOnFailure: true)).Succeeded)
            {
                return LocalRedirect(ReturnUrl ?? ServerPaths.SignedIn);
            }

            Errors.Add(new FieldError(EmailField, SignInFailed));
        }

        // The form is shown again, never with the password in it.
        Password = null;
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }

    /// <summary>Only back into this service (the authorization endpoint, usually): never an open redirect.</summary>
    private string? SafeReturnUrl(string? url) =>
        !string.IsNullOrEmpty(url) && url.Length <= 4096 && Url.IsLocalUrl(url) &&
        url.StartsWith(IdentityApi.PathPrefix + "/", StringComparison.Ordinal)
            ? url
            : null;
}
