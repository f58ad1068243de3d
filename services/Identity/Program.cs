using PanelPlatform.Identity;
using PanelPlatform.Identity.Data;
using PanelPlatform.Identity.Endpoints;
using PanelPlatform.Identity.Server;
using PanelPlatform.ServiceDefaults.Data;
using PanelPlatform.ServiceDefaults.Http;

// No AddPanelService: this service publishes and consumes no integration events, so it has no broker or outbox.
var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddServiceDatabase<IdentityDb>($"{IdentityApi.ServiceName}db");
builder.AddIdentityServer();

var app = builder.Build();
app.UseForwardedHeaders();
app.UseRequestIds();
app.UseProblemResponses();
app.UseAuthentication();
app.UseAuthorization();
app.MapDefaultEndpoints();
app.MapConnectEndpoints();
app.MapRazorPages();
app.MapGet(IdentityApi.PathPrefix, () => Results.Redirect(ServerPaths.SignedIn)).ExcludeFromDescription();

await app.MigrateDatabaseAsync<IdentityDb>();
await app.Services.EnsureDataProtectionKeyAsync<IdentityDb>();
await app.PrepareIdentityAsync();
await app.RunAsync();
