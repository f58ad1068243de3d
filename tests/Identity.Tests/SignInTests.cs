using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using PanelPlatform.ServiceDefaults.Auth;
using PanelPlatform.TestInfrastructure;
using static PanelPlatform.Identity.Tests.SignInFlow;

namespace PanelPlatform.Identity.Tests;

/// <summary>The staff console's sign-in, end to end against one Identity instance on a real database.</summary>
public sealed class SignInTests(PlatformInfrastructure infrastructure) : IAsyncLifetime
{
    private ServiceFactory<IdentityApi> _identity = null!;

    public async ValueTask InitializeAsync() => _identity = await IdentityHost.StartAsync(infrastructure);

    public async ValueTask DisposeAsync() => await _identity.DisposeAsync();

    [Fact]
    public async Task Discovery_names_the_configured_issuer_and_endpoints_under_identity()
    {
        using var client = _identity.CreateClient();
        var discovery = JsonDocument.Parse(await client.GetStringAsync("/identity/.well-known/openid-configuration")).RootElement;

        Assert.Equal(IdentityHost.Issuer, discovery.GetProperty("issuer").GetString());
        foreach (var (endpoint, path) in new[]
        {
            ("authorization_endpoint", "/identity/connect/authorize"),
            ("token_endpoint", "/identity/connect/token"),
            ("end_session_endpoint", "/identity/connect/logout"),
            ("userinfo_endpoint", "/identity/connect/userinfo"),
            ("jwks_uri", "/identity/.well-known/jwks"),
        })
        {
            Assert.Equal("http://localhost" + path, discovery.GetProperty(endpoint).GetString());
        }

        Assert.Equal(["S256"], discovery.GetProperty("code_challenge_methods_supported").EnumerateArray().Select(e => e.GetString()));
        Assert.Contains("authorization_code", discovery.GetProperty("grant_types_supported").EnumerateArray().Select(e => e.GetString()));
        Assert.Contains("refresh_token", discovery.GetProperty("grant_types_supported").EnumerateArray().Select(e => e.GetString()));

        var keys = JsonDocument.Parse(await client.GetStringAsync("/identity/.well-known/jwks")).RootElement.GetProperty("keys");
        var key = Assert.Single(keys.EnumerateArray());
        Assert.Equal("RSA", key.GetProperty("kty").GetString());
        Assert.False(key.TryGetProperty("d", out _), "the key set must hold the public key only");
    }

    [Fact]
    public async Task Behind_the_gateway_discovery_names_the_public_address_the_browser_used()
    {
        using var client = _identity.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/identity/.well-known/openid-configuration");
        request.Headers.Add("X-Forwarded-Host", "localhost");
        request.Headers.Add("X-Forwarded-Proto", "https");
        var discovery = JsonDocument.Parse(await (await client.SendAsync(request)).Content.ReadAsStringAsync()).RootElement;
        Assert.Equal("https://localhost/identity/connect/authorize", discovery.GetProperty("authorization_endpoint").GetString());

        // A host other than the issuer's is not believed.
        using var spoofed = new HttpRequestMessage(HttpMethod.Get, "/identity/.well-known/openid-configuration");
        spoofed.Headers.Add("X-Forwarded-Host", "evil.example");
        var spoofedDiscovery = JsonDocument.Parse(await (await client.SendAsync(spoofed)).Content.ReadAsStringAsync()).RootElement;
        Assert.DoesNotContain("evil.example", spoofedDiscovery.GetRawText(), StringComparison.Ordinal);
        Assert.Equal(IdentityHost.Issuer, spoofedDiscovery.GetProperty("issuer").GetString());
    }

    [Fact]
    public async Task Sign_in_with_code_and_PKCE_gives_tokens_that_the_services_accept_with_the_roles_as_they_do_development_tokens()
    {
        var (email, password) = await _identity.CreateUserAsync(Roles.Clerk, Roles.PanelMember);
        using var browser = _identity.Browser();

        var tokens = await SignInAsync(browser, email, password);

        // The access token: a plain signed JWT (not encrypted) for the platform, with the claims the services read.
        Assert.Equal(3, tokens.AccessToken.Split('.').Length);
        Assert.Equal("RS256", Header(tokens.AccessToken).GetProperty("alg").GetString());
        var access = Payload(tokens.AccessToken);
        Assert.Equal(IdentityHost.Issuer, access.GetProperty("iss").GetString());
        Assert.Contains(AuthOptions.DefaultAudience, Strings(access.GetProperty("aud")));
        Assert.Equal(email, access.GetProperty("email").GetString());
        Assert.Equal("Alex Example", access.GetProperty("name").GetString());
        Assert.Equal([Roles.Clerk, Roles.PanelMember], Strings(access.GetProperty("role")).Order());
        Assert.False(string.IsNullOrEmpty(access.GetProperty("sub").GetString()));

        // The id token carries name, email and roles too, for the console's own session.
        var id = Payload(tokens.IdToken!);
        Assert.Equal(IdentityHost.ClientId, Strings(id.GetProperty("aud")).Single());
        Assert.Equal(email, id.GetProperty("email").GetString());
        Assert.Equal("Alex Example", id.GetProperty("name").GetString());
        Assert.Equal([Roles.Clerk, Roles.PanelMember], Strings(id.GetProperty("role")).Order());
        Assert.Equal("nonce-1", id.GetProperty("nonce").GetString());
        Assert.NotNull(tokens.RefreshToken);

        // A service (ServiceDefaults' AddPanelAuthentication, with Authority + MetadataAddress and the development key).
        await using var service = await TokenCheckingApp.StartAsync(_identity.Server.CreateHandler, infrastructure);
        var who = await GetAsync(service.Client, "/who", tokens.AccessToken);
        Assert.Equal(HttpStatusCode.OK, who.Status);
        Assert.Equal("Alex Example", who.Body.GetProperty("name").GetString());
        Assert.Equal([Roles.Clerk, Roles.PanelMember], who.Body.GetProperty("roles").EnumerateArray().Select(r => r.GetString()!));
        Assert.Equal(HttpStatusCode.OK, (await GetAsync(service.Client, "/clerk", tokens.AccessToken)).Status);

        // The same service still takes development tokens (deploy/local/mint-token.sh).
        var development = await GetAsync(service.Client, "/who", infrastructure.Token(Roles.GrantsOfficer));
        Assert.Equal(HttpStatusCode.OK, development.Status);
        Assert.Equal(AuthOptions.DevelopmentIssuer, development.Body.GetProperty("issuer").GetString());
        Assert.Equal(HttpStatusCode.Forbidden, (await GetAsync(service.Client, "/clerk", infrastructure.Token(Roles.GrantsOfficer))).Status);

        // And neither the id token, nor a token signed with some other key, nor no token at all.
        Assert.Equal(HttpStatusCode.Unauthorized, (await GetAsync(service.Client, "/who", tokens.IdToken!)).Status);
        Assert.Equal(HttpStatusCode.Unauthorized,
            (await GetAsync(service.Client, "/who", DevelopmentTokens.Mint(DevelopmentTokens.NewSigningKey(), [Roles.Admin]))).Status);
        Assert.Equal(HttpStatusCode.Unauthorized, (await GetAsync(service.Client, "/who", null)).Status);

        // userinfo answers for the access token.
        using var userinfo = new HttpRequestMessage(HttpMethod.Get, "/identity/connect/userinfo");
        userinfo.Headers.Authorization = new AuthenticationHeaderValue("Bearer", tokens.AccessToken);
        using var userinfoResponse = await browser.SendAsync(userinfo);
        var claims = JsonDocument.Parse(await userinfoResponse.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(email, claims.GetProperty("email").GetString());
        Assert.Equal([Roles.Clerk, Roles.PanelMember], Strings(claims.GetProperty("role")).Order());
    }

    [Theory]
    [InlineData(true, false)]
    [InlineData(false, true)]
    public async Task Configured_with_only_one_of_them_a_service_accepts_only_that_kind_of_token(bool authority, bool developmentKey)
    {
        var (email, password) = await _identity.CreateUserAsync(Roles.Clerk);
        using var browser = _identity.Browser();
        var tokens = await SignInAsync(browser, email, password);
        await using var service = await TokenCheckingApp.StartAsync(_identity.Server.CreateHandler, infrastructure, authority, developmentKey);

        Assert.Equal(authority ? HttpStatusCode.OK : HttpStatusCode.Unauthorized, (await GetAsync(service.Client, "/who", tokens.AccessToken)).Status);
        Assert.Equal(developmentKey ? HttpStatusCode.OK : HttpStatusCode.Unauthorized,
            (await GetAsync(service.Client, "/who", infrastructure.Token(Roles.Clerk))).Status);
    }

    [Fact]
    public async Task A_refresh_token_gives_a_new_access_token_with_the_roles_as_they_are_now()
    {
        var (email, password) = await _identity.CreateUserAsync(Roles.Caseworker);
        using var browser = _identity.Browser();
        var first = await SignInAsync(browser, email, password);

        using var response = await RefreshAsync(browser, first.RefreshToken!);
        var refreshed = await ReadTokensAsync(response);

        Assert.NotEqual(first.AccessToken, refreshed.AccessToken);
        var access = Payload(refreshed.AccessToken);
        Assert.Equal(Payload(first.AccessToken).GetProperty("sub").GetString(), access.GetProperty("sub").GetString());
        Assert.Equal([Roles.Caseworker], Strings(access.GetProperty("role")));
        await using var service = await TokenCheckingApp.StartAsync(_identity.Server.CreateHandler, infrastructure);
        Assert.Equal(HttpStatusCode.OK, (await GetAsync(service.Client, "/who", refreshed.AccessToken)).Status);
    }

    [Fact]
    public async Task Authorize_without_a_code_challenge_is_refused()
    {
        using var browser = _identity.Browser();
        using var response = await browser.GetAsync(AuthorizeUrl(pkce: null));

        // Refused at once: no login page, no code.
        await AssertRefusedAsync(response);

        // A "plain" challenge is refused too: S256 only.
        var pkce = Pkce.New();
        using var plain = await browser.GetAsync(AuthorizeUrl(pkce).Replace("code_challenge_method=S256", "code_challenge_method=plain", StringComparison.Ordinal));
        await AssertRefusedAsync(plain);
    }

    private static async Task AssertRefusedAsync(HttpResponseMessage response)
    {
        var location = response.Headers.Location?.OriginalString ?? "";
        Assert.True(
            response.StatusCode == HttpStatusCode.BadRequest ||
            (response.StatusCode == HttpStatusCode.Redirect && location.StartsWith(IdentityHost.RedirectUri, StringComparison.Ordinal) &&
             location.Contains("error=invalid_request", StringComparison.Ordinal)),
            $"{(int)response.StatusCode} {location} {await response.Content.ReadAsStringAsync()}");
        Assert.DoesNotContain("code=", location, StringComparison.Ordinal);
        Assert.DoesNotContain("/identity/account/login", location, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unregistered_redirect_uri_is_refused_without_redirecting_there()
    {
        using var browser = _identity.Browser();
        using var response = await browser.GetAsync(AuthorizeUrl(Pkce.New(), redirectUri: "https://evil.example/callback"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Null(response.Headers.Location);
    }

    [Fact]
    public async Task A_wrong_client_secret_is_refused_and_the_code_then_still_works_once()
    {
        var (email, password) = await _identity.CreateUserAsync(Roles.OpccStaff);
        using var browser = _identity.Browser();
        var pkce = Pkce.New();
        var code = await SignInForCodeAsync(browser, pkce, email, password);

        using var wrongSecret = await RedeemAsync(browser, code, pkce.Verifier, secret: "not-the-secret");
        Assert.Contains(wrongSecret.StatusCode, new[] { HttpStatusCode.BadRequest, HttpStatusCode.Unauthorized });
        Assert.Equal("invalid_client", JsonDocument.Parse(await wrongSecret.Content.ReadAsStringAsync()).RootElement.GetProperty("error").GetString());

        using var wrongVerifier = await RedeemAsync(browser, code, Pkce.New().Verifier);
        Assert.Equal(HttpStatusCode.BadRequest, wrongVerifier.StatusCode);
        Assert.Equal("invalid_grant", JsonDocument.Parse(await wrongVerifier.Content.ReadAsStringAsync()).RootElement.GetProperty("error").GetString());
    }

    [Fact]
    public async Task Signing_out_ends_the_session_and_returns_to_the_registered_address()
    {
        var (email, password) = await _identity.CreateUserAsync(Roles.Clerk);
        using var browser = _identity.Browser();
        var tokens = await SignInAsync(browser, email, password);

        var logoutUrl = $"/identity/connect/logout?id_token_hint={tokens.IdToken}&post_logout_redirect_uri={Uri.EscapeDataString(IdentityHost.PostLogoutRedirectUri)}&state=bye";
        var page = await browser.GetStringAsync(logoutUrl);
        Assert.Contains("Sign out", page, StringComparison.Ordinal);
        var token = System.Text.RegularExpressions.Regex.Match(page, "name=\"__RequestVerificationToken\"[^>]*value=\"([^\"]*)\"").Groups[1].Value;
        using var confirmed = await browser.PostAsync("/identity/connect/logout", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["id_token_hint"] = tokens.IdToken!,
            ["post_logout_redirect_uri"] = IdentityHost.PostLogoutRedirectUri,
            ["state"] = "bye",
            ["__RequestVerificationToken"] = token,
        }));
        Assert.Equal(HttpStatusCode.Redirect, confirmed.StatusCode);
        Assert.Equal(IdentityHost.PostLogoutRedirectUri + "?state=bye", confirmed.Headers.Location!.AbsoluteUri);

        // Signed out: authorize sends the browser to the login page again.
        using var again = await browser.GetAsync(AuthorizeUrl(Pkce.New()));
        Assert.StartsWith("/identity/account/login", again.Headers.Location!.IsAbsoluteUri ? again.Headers.Location.AbsolutePath : again.Headers.Location.OriginalString, StringComparison.Ordinal);
    }

    private static async Task<(HttpStatusCode Status, JsonElement Body)> GetAsync(HttpClient client, string path, string? token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        using var response = await client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, response.Content.Headers.ContentType?.MediaType == "application/json" && text.Length > 0
            ? JsonDocument.Parse(text).RootElement
            : default);
    }
}
