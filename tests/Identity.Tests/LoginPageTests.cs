using System.Net;
using System.Text.RegularExpressions;
using PanelPlatform.Identity.Pages.Account;
using PanelPlatform.ServiceDefaults.Auth;
using PanelPlatform.TestInfrastructure;
using static PanelPlatform.Identity.Tests.SignInFlow;

namespace PanelPlatform.Identity.Tests;

/// <summary>The login page: lockout, no account enumeration, and the markup a screen reader and a keyboard need.</summary>
public sealed partial class LoginPageTests(PlatformInfrastructure infrastructure) : IAsyncLifetime
{
    private ServiceFactory<IdentityApi> _identity = null!;

    public async ValueTask InitializeAsync() => _identity = await IdentityHost.StartAsync(infrastructure);

    public async ValueTask DisposeAsync() => await _identity.DisposeAsync();

    [Fact]
    public async Task Five_wrong_passwords_lock_the_account_and_then_even_the_right_one_fails_with_the_same_message()
    {
        var (email, password) = await _identity.CreateUserAsync(Roles.GrantsOfficer);
        using var browser = _identity.Browser();

        var wrong = new List<string>();
        for (var attempt = 1; attempt <= 5; attempt++)
        {
            wrong.Add(await FailedLoginAsync(browser, email, $"wrong-password-{attempt}"));
        }

        var right = await FailedLoginAsync(browser, email, password);

        Assert.All(wrong, page => Assert.Equal(Normalise(wrong[0]), Normalise(page)));
        Assert.Equal(Normalise(wrong[0]), Normalise(right));
        Assert.Contains(LoginModel.SignInFailed, WebUtility.HtmlDecode(right), StringComparison.Ordinal);

        // Locked for 15 minutes, by the account, not by the browser: a fresh browser fails too.
        using var other = _identity.Browser();
        Assert.Equal(Normalise(wrong[0]), Normalise(await FailedLoginAsync(other, email, password)));
    }

    [Fact]
    public async Task An_unknown_email_and_a_wrong_password_get_identical_responses()
    {
        var (email, _) = await _identity.CreateUserAsync(Roles.Clerk);
        const string unknown = "nobody-at-all@derbyshire-pcp.test";

        using var first = _identity.Browser();
        using var second = _identity.Browser();
        var (wrongPasswordStatus, wrongPassword) = await PostOnceAsync(first, email, "not-the-password");
        var (unknownStatus, unknownEmail) = await PostOnceAsync(second, unknown, "not-the-password");

        Assert.Equal(wrongPasswordStatus, unknownStatus);
        Assert.Equal(HttpStatusCode.BadRequest, unknownStatus);
        // Identical but for the address typed (shown back in the field) and the fresh antiforgery token.
        Assert.Equal(Normalise(wrongPassword).Replace(email, "EMAIL", StringComparison.Ordinal),
            Normalise(unknownEmail).Replace(unknown, "EMAIL", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_login_page_is_GOV_UK_markup_that_needs_no_JavaScript_and_links_its_errors_to_the_fields()
    {
        using var browser = _identity.Browser();
        using var page = await browser.GetAsync("/identity/account/login");
        var html = await page.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("<html lang=\"en-GB\" class=\"govuk-template\">", html, StringComparison.Ordinal);
        Assert.Matches("<title>Sign in – [^<]+</title>", html);
        Assert.Contains("<a href=\"#main-content\" class=\"govuk-skip-link\"", html, StringComparison.Ordinal);
        Assert.Contains("id=\"main-content\"", html, StringComparison.Ordinal);
        Assert.Contains("<label class=\"govuk-label\" for=\"email\">", html, StringComparison.Ordinal);
        Assert.Contains("<label class=\"govuk-label\" for=\"password\">", html, StringComparison.Ordinal);
        Assert.Matches("<input[^>]*id=\"email\"[^>]*autocomplete=\"username\"", html);
        Assert.Matches("<input[^>]*id=\"password\"[^>]*type=\"password\"[^>]*autocomplete=\"current-password\"", html);
        Assert.Contains("class=\"govuk-button\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("name=\"__RequestVerificationToken\"", html, StringComparison.Ordinal);

        // The site's one stylesheet, which the web site serves at the same gateway (the browser tests load it).
        var stylesheet = Regex.Match(html, "<link rel=\"stylesheet\" href=\"([^\"]+)\"").Groups[1].Value;
        Assert.Equal("/assets/panel-frontend.min.css", stylesheet);

        // Empty fields: an error summary whose links go to the fields, each field marked, "Error:" in the title.
        var form = ReadLoginForm(html);
        using var empty = await PostLoginAsync(browser, form, "", "");
        var errors = await empty.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
        Assert.Matches("<title>Error: Sign in – ", errors);
        Assert.Contains("<div class=\"govuk-error-summary\"", errors, StringComparison.Ordinal);
        Assert.Contains("<a href=\"#email\">Enter your email address</a>", errors, StringComparison.Ordinal);
        Assert.Contains("<a href=\"#password\">Enter your password</a>", errors, StringComparison.Ordinal);
        Assert.Matches("<input[^>]*govuk-input--error[^>]*id=\"email\"[^>]*aria-describedby=\"email-error\"", errors);
        Assert.Contains("<p id=\"email-error\" class=\"govuk-error-message\">", errors, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_login_page_never_sends_the_browser_outside_the_identity_service()
    {
        var (email, password) = await _identity.CreateUserAsync(Roles.Clerk);
        using var browser = _identity.Browser();
        var html = await browser.GetStringAsync("/identity/account/login?ReturnUrl=https%3A%2F%2Fevil.example%2F");
        var form = ReadLoginForm(html);
        Assert.Equal("", form.ReturnUrl);

        using var signedIn = await PostLoginAsync(browser, form with { ReturnUrl = "//evil.example/" }, email, password);
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        Assert.Equal("/identity/account/signed-in", signedIn.Headers.Location!.OriginalString);
    }

    private async Task<string> FailedLoginAsync(HttpClient browser, string email, string password)
    {
        var (status, html) = await PostOnceAsync(browser, email, password);
        Assert.Equal(HttpStatusCode.BadRequest, status);
        return html;
    }

    private static async Task<(HttpStatusCode Status, string Html)> PostOnceAsync(HttpClient browser, string email, string password)
    {
        var form = ReadLoginForm(await browser.GetStringAsync("/identity/account/login?ReturnUrl=%2Fidentity%2Faccount%2Fsigned-in"));
        using var response = await PostLoginAsync(browser, form, email, password);
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    /// <summary>The page without its per-response antiforgery token.</summary>
    private static string Normalise(string html) => AntiforgeryValue().Replace(html, "value=\"TOKEN\"");

    [GeneratedRegex("(?<=name=\"__RequestVerificationToken\" type=\"hidden\" )value=\"[^\"]*\"")]
    private static partial Regex AntiforgeryValue();
}
