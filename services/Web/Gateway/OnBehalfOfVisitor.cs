using System.Net.Http.Headers;
using Microsoft.AspNetCore.Authentication;
using PanelPlatform.ServiceDefaults.Http;
using PanelPlatform.Web.SignIn;

namespace PanelPlatform.Web.Gateway;

/// <summary>
/// Makes each call to the gateway on behalf of the person whose page it is: their access token when staff are signed
/// in (no token: the public), the page's request id, and the resident's address signed for the gateway's limits.
/// </summary>
public sealed class OnBehalfOfVisitor(IHttpContextAccessor accessor, IConfiguration configuration, TimeProvider time) : DelegatingHandler
{
    private readonly byte[]? _forwardingKey = ForwardedClient.KeyFrom(configuration);

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        if (accessor.HttpContext is { } page)
        {
            if (page.User.Identity?.IsAuthenticated == true && await page.GetTokenAsync(StaffSignIn.TokenName) is { Length: > 0 } token)
            {
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            }

            if (page.Request.Headers.TryGetValue(RequestIds.HeaderName, out var requestId))
            {
                request.Headers.TryAddWithoutValidation(RequestIds.HeaderName, requestId.ToString());
            }

            if (_forwardingKey is not null && page.Connection.RemoteIpAddress is { } resident)
            {
                request.Headers.TryAddWithoutValidation(ForwardedClient.HeaderName, ForwardedClient.Sign(_forwardingKey, resident, time.GetUtcNow()));
            }
        }

        return await base.SendAsync(request, cancellationToken);
    }
}
