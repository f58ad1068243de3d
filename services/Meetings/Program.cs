using PanelPlatform.Meetings;
using PanelPlatform.Meetings.Consumers;
using PanelPlatform.Meetings.Data;
using PanelPlatform.Meetings.Endpoints;
using PanelPlatform.Meetings.Seed;
using PanelPlatform.ServiceDefaults.Auth;
using PanelPlatform.ServiceDefaults.Data;

var builder = WebApplication.CreateBuilder(args);
builder.AddPanelService<MeetingsDbContext>(MeetingsApi.ServiceName, bus =>
{
    bus.AddConsumer<QuestionAcceptedConsumer>();
    bus.AddConsumer<QuestionsPublishedConsumer>();
    bus.AddConsumer<CaseReferredToPanelConsumer>();
});
builder.Services.AddExceptionHandler<RuleViolationHandler>();
builder.Services.AddAuthorizationBuilder()
    .AddPolicy(Roles.PanelMember + "-or-clerk", policy => policy.RequireRole(Roles.PanelMember, Roles.Clerk, Roles.Admin));

var app = builder.Build();

// `dotnet run --project services/Meetings -- seed`: migrate, load the Derbyshire fixture, and exit.
if (args.Contains("seed"))
{
    await app.MigrateDatabaseAsync<MeetingsDbContext>();
    await using var scope = app.Services.CreateAsyncScope();
    var result = await SeedLoader.LoadAsync(
        scope.ServiceProvider.GetRequiredService<MeetingsDbContext>(), SeedLoader.Read(), TimeProvider.System);
    Console.WriteLine($"Seeded: {result}");
    return;
}

app.UsePanelService(MeetingsApi.ServiceName);
app.MapMeetingEndpoints();
app.MapBodyEndpoints();
app.MapPersonEndpoints();
app.MapAgendaEndpoints();
app.MapAgendaNoticeEndpoints();
app.MapDocumentEndpoints();
app.MapMinutesEndpoints();
app.MapDecisionEndpoints();
app.MapProgrammeEndpoints();
app.MapSearchEndpoints();
app.MapFeedEndpoints();
app.MapOParlEndpoints();
app.MapPanelMatterEndpoints();
app.MapSeedEndpoints();

await app.RunPanelServiceAsync<MeetingsDbContext>();
