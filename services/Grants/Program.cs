using PanelPlatform.Grants;
using PanelPlatform.Grants.Access;
using PanelPlatform.Grants.Data;
using PanelPlatform.Grants.Endpoints;
using PanelPlatform.Grants.Jobs;
using PanelPlatform.ServiceDefaults.Data;

var builder = WebApplication.CreateBuilder(args);
builder.AddPanelService<GrantsDbContext>(GrantsApi.ServiceName);
builder.Services.AddOptions<GrantsOptions>().BindConfiguration(GrantsOptions.SectionName);
builder.Services.AddSingleton<ApplicantTokens>();
builder.Services.AddScoped<SeedLoader>();
builder.Services.AddHostedService<RoundAnnouncementJob>();

var app = builder.Build();
app.UsePanelService(GrantsApi.ServiceName);
app.MapSchemeEndpoints();
app.MapRoundEndpoints();
app.MapApplicationEndpoints();
app.MapAssessmentEndpoints();
app.MapDecisionEndpoints();
app.MapAwardEndpoints();
app.MapAwardTotalsEndpoints();
app.MapOpenDataEndpoints();
if (app.Environment.IsDevelopment())
{
    app.MapAdminEndpoints();
}

// `dotnet run --project services/Grants -- seed`: migrate, load the seed data, and stop.
if (args.Contains("seed", StringComparer.Ordinal))
{
    await app.MigrateDatabaseAsync<GrantsDbContext>();
    await using var scope = app.Services.CreateAsyncScope();
    var result = await scope.ServiceProvider.GetRequiredService<SeedLoader>().LoadAsync();
    Console.WriteLine($"Grants seed: {result.SchemesAdded} schemes and {result.RoundsAdded} rounds added.");
    return;
}

await app.RunPanelServiceAsync<GrantsDbContext>();
