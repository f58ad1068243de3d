using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using PanelPlatform.Gateway;
using PanelPlatform.TestInfrastructure;
using Yarp.ReverseProxy.Forwarder;
using static PanelPlatform.Identity.Tests.SignInFlow;

namespace PanelPlatform.Identity.Tests;

/// <summary>
/// The real gateway in front of the identity service: <c>/identity/**</c> passes unchanged, and the identity service
/// names the public address the browser used (the gateway's), not its own, in discovery and redirects.
/// </summary>
public sealed class GatewayTests(PlatformInfrastructure infrastructure) : IAsyncLifetime
{
    private const string PublicAddress = "http://panel.test:5080";
    private ServiceFactory<IdentityApi> _identity = null!;
    private WebApplicationFactory<GatewayApi> _gateway = null!;

    public async ValueTask InitializeAsync()
    {
        _identity = await IdentityHost.StartAsync(infrastructure, customise: settings =>
            settings["Identity:Issuer"] = PublicAddress + "/identity/");
        _gateway = new WebApplicationFactory<GatewayApi>().WithWebHostBuilder(web =>
        {
            web.UseEnvironment("Testing");
            web.UseSetting("Auth:SigningKey", infrastructure.SigningKey);
            // Service discovery names the identity service's own address; the forwarder below reaches it in-process.
            web.UseSetting("services:identity:http:0", "http://identity-internal");
            web.UseSetting("Gateway:SignIn:PermitsPerWindow", "4");
            web.UseSetting("Gateway:SignIn:Window", "00:10:00");
            web.ConfigureTestServices(services =>
                services.AddSingleton<IForwarderHttpClientFactory>(new InProcessForwarder(_identity)));
        });
        _gateway.StartServer();
    }

    public async ValueTask DisposeAsync()
    {
        await _gateway.DisposeAsync();
        await _identity.DisposeAsync();
    }

    [Fact]
    public async Task Through_the_gateway_discovery_and_the_whole_sign_in_use_the_public_address()
    {
        using var browser = Browser();
        var discovery = JsonDocument.Parse(await browser.GetStringAsync("/identity/.well-known/openid-configuration")).RootElement;
        Assert.Equal(PublicAddress + "/identity/", discovery.GetProperty("issuer").GetString());
        Assert.Equal(PublicAddress + "/identity/connect/authorize", discovery.GetProperty("authorization_endpoint").GetString());
        Assert.Equal(PublicAddress + "/identity/.well-known/jwks", discovery.GetProperty("jwks_uri").GetString());

        // Asked at its own address (as the services do), the identity service names that address for the keys.
        using var direct = _identity.CreateClient();
        var internalDiscovery = JsonDocument.Parse(await direct.GetStringAsync("/identity/.well-known/openid-configuration")).RootElement;
        Assert.Equal(PublicAddress + "/identity/", internalDiscovery.GetProperty("issuer").GetString());
        Assert.Equal("http://localhost/identity/.well-known/jwks", internalDiscovery.GetProperty("jwks_uri").GetString());

        using var authorize = await browser.GetAsync(AuthorizeUrl(Pkce.New()));
        Assert.Equal(HttpStatusCode.Redirect, authorize.StatusCode);
        Assert.StartsWith(PublicAddress + "/identity/account/login?ReturnUrl=", authorize.Headers.Location!.AbsoluteUri, StringComparison.Ordinal);

        var (email, password) = await _identity.CreateUserAsync(ServiceDefaults.Auth.Roles.Clerk);
        var tokens = await SignInAsync(browser, email, password);
        Assert.Equal(PublicAddress + "/identity/", Payload(tokens.AccessToken).GetProperty("iss").GetString());
    }

    [Fact]
    public async Task Login_posts_from_one_address_are_limited_but_the_pages_are_not()
    {
        using var browser = Browser();
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 6; i++)
        {
            var form = ReadLoginForm(await browser.GetStringAsync("/identity/account/login"));
            using var response = await PostLoginAsync(browser, form, "someone@derbyshire-pcp.test", $"guess-{i}");
            statuses.Add(response.StatusCode);
        }

        Assert.All(statuses.Take(4), s => Assert.Equal(HttpStatusCode.BadRequest, s));
        Assert.All(statuses.Skip(4), s => Assert.Equal(HttpStatusCode.TooManyRequests, s));
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/identity/account/login")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/identity/.well-known/openid-configuration")).StatusCode);
    }

    private HttpClient Browser() =>
        _gateway.CreateDefaultClient(new Uri(PublicAddress), new CookieContainerHandler(new CookieContainer()));

    /// <summary>YARP's outgoing calls go to the identity test server instead of the network.</summary>
    private sealed class InProcessForwarder(ServiceFactory<IdentityApi> identity) : IForwarderHttpClientFactory
    {
        public HttpMessageInvoker CreateClient(ForwarderHttpClientContext context) => new(identity.Server.CreateHandler(), disposeHandler: true);
    }
}
