using System.Net;
using System.Text;
using PanelPlatform.TestInfrastructure;

namespace PanelPlatform.Identity.Tests;

/// <summary>Whatever arrives, every endpoint answers with a 4xx and never a 500.</summary>
public sealed class BadInputTests(PlatformInfrastructure infrastructure) : IAsyncLifetime
{
    private ServiceFactory<IdentityApi> _identity = null!;

    public async ValueTask InitializeAsync() => _identity = await IdentityHost.StartAsync(infrastructure);

    public async ValueTask DisposeAsync() => await _identity.DisposeAsync();

    public static TheoryData<string, string, string?, string?> Requests => new()
    {
        { "GET", "/identity/connect/authorize", null, null },
        { "GET", "/identity/connect/authorize?client_id=panel-console", null, null },
        { "GET", "/identity/connect/authorize?client_id=nobody&response_type=code&redirect_uri=http%3A%2F%2Flocalhost%2Fconsole%2Fsignin-oidc", null, null },
        { "GET", "/identity/connect/authorize?client_id=panel-console&response_type=token&redirect_uri=http%3A%2F%2Flocalhost%2Fconsole%2Fsignin-oidc&scope=openid", null, null },
        { "GET", "/identity/connect/authorize?client_id=panel-console&response_type=code&redirect_uri=not%20a%20uri", null, null },
        { "GET", "/identity/connect/authorize?client_id=panel-console&client_id=other", null, null },
        { "POST", "/identity/connect/authorize", "application/json", "{\"client_id\":1}" },
        { "POST", "/identity/connect/token", null, null },
        { "POST", "/identity/connect/token", "application/x-www-form-urlencoded", "grant_type=authorization_code" },
        { "POST", "/identity/connect/token", "application/x-www-form-urlencoded", "grant_type=password&username=a&password=b&client_id=panel-console&client_secret=x" },
        { "POST", "/identity/connect/token", "application/x-www-form-urlencoded", "grant_type=refresh_token&refresh_token=garbage&client_id=panel-console&client_secret=console-secret-for-tests" },
        { "POST", "/identity/connect/token", "application/x-www-form-urlencoded", "grant_type=authorization_code&code=garbage&client_id=panel-console&client_secret=console-secret-for-tests&code_verifier=x&redirect_uri=http%3A%2F%2Flocalhost%2Fconsole%2Fsignin-oidc" },
        { "POST", "/identity/connect/token", "application/json", "{\"grant_type\":\"authorization_code\"}" },
        { "POST", "/identity/connect/token", "application/x-www-form-urlencoded", "%%%=%%%&&&" },
        { "GET", "/identity/connect/token", null, null },
        { "GET", "/identity/connect/userinfo", null, null },
        { "GET", "/identity/connect/userinfo?access_token=garbage", null, null },
        { "GET", "/identity/connect/logout?post_logout_redirect_uri=https%3A%2F%2Fevil.example%2F", null, null },
        { "POST", "/identity/connect/logout", "application/x-www-form-urlencoded", "post_logout_redirect_uri=x" },
        { "POST", "/identity/account/login", "application/x-www-form-urlencoded", "Email=a%40b.c&Password=x" },
        { "POST", "/identity/account/login", "application/json", "{\"Email\":\"a@b.c\"}" },
        { "POST", "/identity/account/login", "multipart/form-data; boundary=nothing", "--nothing--" },
        { "DELETE", "/identity/account/login", null, null },
        { "GET", "/identity/assets/../../appsettings.json", null, null },
        { "GET", "/identity/no-such-page", null, null },
    };

    [Theory]
    [MemberData(nameof(Requests))]
    public async Task Bad_input_is_a_4xx(string method, string path, string? contentType, string? body)
    {
        using var client = _identity.Browser();
        using var request = new HttpRequestMessage(new HttpMethod(method), path);
        if (body is not null)
        {
            request.Content = new StringContent(body, Encoding.UTF8);
            request.Content.Headers.ContentType = System.Net.Http.Headers.MediaTypeHeaderValue.Parse(contentType!);
        }

        using var response = await client.SendAsync(request);

        // OAuth's own answer to a bad request from a registered client is a redirect back to it with the error.
        var status = (int)response.StatusCode;
        var location = response.Headers.Location?.OriginalString ?? "";
        var errorToClient = status == 302 && location.StartsWith(IdentityHost.RedirectUri + "?", StringComparison.Ordinal) &&
            location.Contains("error=", StringComparison.Ordinal) && !location.Contains("code=", StringComparison.Ordinal);
        Assert.True(status is >= 400 and < 500 || errorToClient, $"{method} {path}: {status} {location} {await response.Content.ReadAsStringAsync()}");
    }

    [Fact]
    public async Task A_garbage_id_token_hint_is_ignored_as_the_hint_it_is_and_leads_nowhere_outside()
    {
        // OpenIddict validates an id_token_hint but, as OpenID Connect makes it optional, does not refuse the request
        // when it is not valid (an expired one is common); with no one signed in the page goes to "signed out".
        using var client = _identity.Browser();
        using var response = await client.GetAsync("/identity/connect/logout?id_token_hint=garbage");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/identity/account/signed-out", response.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task An_oversized_login_form_is_a_4xx()
    {
        using var client = _identity.Browser();
        var html = await client.GetStringAsync("/identity/account/login");
        var form = SignInFlow.ReadLoginForm(html);
        using var response = await SignInFlow.PostLoginAsync(client, form, new string('a', 5000) + "@example.org", new string('b', 5000));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }
}
