using Polly;
using Microsoft.Extensions.Http.Resilience;

namespace PanelPlatform.Web.Gateway;

public static class PanelApiRegistration
{
    public static WebApplicationBuilder AddPanelApi(this WebApplicationBuilder builder)
    {
        builder.Services.AddHttpContextAccessor();
        builder.Services.AddTransient<OnBehalfOfVisitor>();
        var whole = TimeSpan.FromSeconds(30);
        var client = builder.Services.AddHttpClient<PanelApi>(http =>
        {
            http.BaseAddress = GatewayAddress.From(builder.Configuration);
            http.Timeout = whole;
        });
#pragma warning disable EXTEXP0001 // experimental API: replacing the default handler is the point.
        client.RemoveAllResilienceHandlers();
#pragma warning restore EXTEXP0001
        client.AddHttpMessageHandler<OnBehalfOfVisitor>();
        // A question or an application must never be submitted twice because a reply was slow: only reads are retried.
        // Nor may a write be given up on while the service is still doing it (the resident would be told it failed and
        // send it again): a read gets 10 seconds an attempt, a write the client's whole 30.
        client.AddStandardResilienceHandler(resilience =>
        {
            resilience.Retry.DisableForUnsafeHttpMethods();
            resilience.AttemptTimeout.TimeoutGenerator = attempt => ValueTask.FromResult(
                attempt.Context.GetRequestMessage()?.Method is { } method && (method == HttpMethod.Get || method == HttpMethod.Head)
                    ? resilience.AttemptTimeout.Timeout
                    : whole);
            resilience.TotalRequestTimeout.Timeout = whole;
        });
        return builder;
    }
}
