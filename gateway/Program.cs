using PanelPlatform.Gateway;
using PanelPlatform.ServiceDefaults.Http;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.Services.AddReverseProxy()
    .LoadFromMemory(ProxyRoutes.Routes(GatewayApi.Services), ProxyRoutes.Clusters(GatewayApi.Services))
    .AddServiceDiscoveryDestinationResolver();
builder.AddGatewayRateLimiting();
#pragma warning disable EXTEXP0001 // experimental API: a health probe must report what it sees, not retry until it looks better.
builder.Services.AddHttpClient<ServiceHealth>().RemoveAllResilienceHandlers();
#pragma warning restore EXTEXP0001

var app = builder.Build();
app.UseRequestIds();
app.UseProblemResponses();
app.UseForwardedClients(app.Configuration, app.Services.GetRequiredService<TimeProvider>());
app.UseAuthentication();
app.RejectInvalidTokens();
app.UseRateLimiter();
app.MapGet("/health", ServiceHealth.ReportAsync).AllowAnonymous().DisableRateLimiting();
app.MapGet("/alive", () => TypedResults.Ok(new { status = "Healthy" })).AllowAnonymous().DisableRateLimiting();
app.MapReverseProxy();
app.Run();
