using Microsoft.AspNetCore.DataProtection;
using PanelPlatform.ServiceDefaults.Data;
using PanelPlatform.Web;
using PanelPlatform.Web.Data;
using PanelPlatform.Web.Gateway;
using PanelPlatform.Web.SignIn;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddServiceDatabase<WebDbContext>($"{WebSite.ServiceName}db");
builder.Services.AddDataProtection().SetApplicationName("panel-platform-web").PersistKeysToDbContext<WebDbContext>();
builder.AddStaffSignIn();
builder.AddPanelApi();
builder.AddSiteBehindGateway();
builder.Services.AddRazorPages(pages =>
{
    pages.Conventions.AuthorizeFolder("/Console");
    pages.Conventions.AllowAnonymousToPage("/Console/SignedOut");
    pages.Conventions.AllowAnonymousToPage("/Console/AccessDenied");
});

var app = builder.Build();
app.UseSiteBehindGateway();
app.UseAuthentication();
app.UseAuthorization();
app.MapDefaultEndpoints();
app.MapRazorPages();

await app.MigrateDatabaseAsync<WebDbContext>();
await app.Services.EnsureDataProtectionKeyAsync<WebDbContext>();
await app.RunAsync();
