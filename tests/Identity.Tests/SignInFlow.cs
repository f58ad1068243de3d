using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.IdentityModel.Tokens;

namespace PanelPlatform.Identity.Tests;

/// <summary>What a relying party (the staff console) and its user's browser do: authorization code with PKCE.</summary>
public static partial class SignInFlow
{
    public const string Scopes = "openid profile email roles offline_access";

    public sealed record Pkce(string Verifier, string Challenge)
    {
        public static Pkce New()
        {
            var verifier = Base64UrlEncoder.Encode(RandomNumberGenerator.GetBytes(32));
            return new Pkce(verifier, Base64UrlEncoder.Encode(SHA256.HashData(Encoding.ASCII.GetBytes(verifier))));
        }
    }

    public sealed record Tokens(string AccessToken, string? IdToken, string? RefreshToken, JsonElement Body);

    public static string AuthorizeUrl(Pkce? pkce, string redirectUri = IdentityHost.RedirectUri, string state = "state-1", string scope = Scopes)
    {
        var query = new Dictionary<string, string?>
        {
            ["client_id"] = IdentityHost.ClientId,
            ["response_type"] = "code",
            ["scope"] = scope,
            ["redirect_uri"] = redirectUri,
            ["state"] = state,
            ["nonce"] = "nonce-1",
        };
        if (pkce is not null)
        {
            query["code_challenge"] = pkce.Challenge;
            query["code_challenge_method"] = "S256";
        }

        return QueryHelpers.AddQueryString("/identity/connect/authorize", query);
    }

    /// <summary>The login form of a page: its action's return URL and antiforgery token.</summary>
    public sealed record LoginForm(string ReturnUrl, string AntiforgeryToken);

    public static LoginForm ReadLoginForm(string html) => new(
        WebUtility.HtmlDecode(HiddenInput("ReturnUrl").Match(html).Groups[1].Value),
        HiddenInput("__RequestVerificationToken").Match(html) is { Success: true } token
            ? token.Groups[1].Value
            : throw new Xunit.Sdk.XunitException("The login page has no antiforgery token."));

    public static async Task<HttpResponseMessage> PostLoginAsync(HttpClient browser, LoginForm form, string email, string password) =>
        await browser.PostAsync("/identity/account/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["ReturnUrl"] = form.ReturnUrl,
            ["Email"] = email,
            ["Password"] = password,
            ["__RequestVerificationToken"] = form.AntiforgeryToken,
        }));

    /// <summary>
    /// Authorize → login page → the form posted → back to authorize → the code at the redirect URI.
    /// <paramref name="loginAt"/> posts the form through another browser (another instance, same cookies).
    /// </summary>
    public static async Task<string> SignInForCodeAsync(HttpClient browser, Pkce pkce, string email, string password, HttpClient? loginAt = null)
    {
        using var authorize = await browser.GetAsync(AuthorizeUrl(pkce));
        Assert.Equal(HttpStatusCode.Redirect, authorize.StatusCode);
        var login = authorize.Headers.Location!;
        Assert.Equal("/identity/account/login", login.IsAbsoluteUri ? login.AbsolutePath : login.OriginalString.Split('?')[0]);

        var page = await browser.GetStringAsync(login);
        var form = ReadLoginForm(page);
        Assert.StartsWith("/identity/connect/authorize?", form.ReturnUrl, StringComparison.Ordinal);

        using var posted = await PostLoginAsync(loginAt ?? browser, form, email, password);
        Assert.True(posted.StatusCode == HttpStatusCode.Redirect, $"login answered {(int)posted.StatusCode}: {await posted.Content.ReadAsStringAsync()}");
        Assert.Equal(form.ReturnUrl, posted.Headers.Location!.OriginalString);

        using var back = await browser.GetAsync(posted.Headers.Location);
        Assert.Equal(HttpStatusCode.Redirect, back.StatusCode);
        var callback = back.Headers.Location!;
        Assert.StartsWith(IdentityHost.RedirectUri + "?", callback.AbsoluteUri, StringComparison.Ordinal);
        var parameters = QueryHelpers.ParseQuery(callback.Query);
        Assert.Equal("state-1", parameters["state"].ToString());
        return parameters["code"].ToString();
    }

    public static Task<HttpResponseMessage> RedeemAsync(HttpClient client, string code, string verifier, string secret = IdentityHost.ClientSecret) =>
        client.PostAsync("/identity/connect/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "authorization_code",
            ["code"] = code,
            ["redirect_uri"] = IdentityHost.RedirectUri,
            ["code_verifier"] = verifier,
            ["client_id"] = IdentityHost.ClientId,
            ["client_secret"] = secret,
        }));

    public static Task<HttpResponseMessage> RefreshAsync(HttpClient client, string refreshToken) =>
        client.PostAsync("/identity/connect/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "refresh_token",
            ["refresh_token"] = refreshToken,
            ["client_id"] = IdentityHost.ClientId,
            ["client_secret"] = IdentityHost.ClientSecret,
        }));

    public static async Task<Tokens> ReadTokensAsync(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"token endpoint answered {(int)response.StatusCode}: {text}");
        var body = JsonDocument.Parse(text).RootElement;
        return new Tokens(
            body.GetProperty("access_token").GetString()!,
            body.TryGetProperty("id_token", out var id) ? id.GetString() : null,
            body.TryGetProperty("refresh_token", out var refresh) ? refresh.GetString() : null,
            body);
    }

    /// <summary>The whole sign-in, to tokens.</summary>
    public static async Task<Tokens> SignInAsync(HttpClient browser, string email, string password)
    {
        var pkce = Pkce.New();
        var code = await SignInForCodeAsync(browser, pkce, email, password);
        using var response = await RedeemAsync(browser, code, pkce.Verifier);
        return await ReadTokensAsync(response);
    }

    /// <summary>A JWT's payload, unverified (the services verify; this only reads what a token says).</summary>
    public static JsonElement Payload(string jwt) =>
        JsonDocument.Parse(Base64UrlEncoder.Decode(jwt.Split('.')[1])).RootElement;

    public static JsonElement Header(string jwt) =>
        JsonDocument.Parse(Base64UrlEncoder.Decode(jwt.Split('.')[0])).RootElement;

    public static IReadOnlyList<string> Strings(JsonElement element) => element.ValueKind == JsonValueKind.Array
        ? [.. element.EnumerateArray().Select(e => e.GetString()!)]
        : [element.GetString()!];

    private static Regex HiddenInput(string name) => new($"<input[^>]*name=\"{Regex.Escape(name)}\"[^>]*value=\"([^\"]*)\"", RegexOptions.IgnoreCase);
}
