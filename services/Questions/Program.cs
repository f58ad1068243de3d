using Microsoft.Extensions.Options;
using PanelPlatform.Questions;
using PanelPlatform.Questions.Abuse;
using PanelPlatform.Questions.Consumers;
using PanelPlatform.Questions.Data;
using PanelPlatform.Questions.Endpoints;
using PanelPlatform.Questions.Seed;
using PanelPlatform.ServiceDefaults.Data;

var builder = WebApplication.CreateBuilder(args);
builder.AddPanelService<QuestionsDbContext>(QuestionsApi.ServiceName, bus =>
{
    bus.AddConsumer<MeetingScheduledConsumer>();
    bus.AddConsumer<MeetingRescheduledConsumer>();
    bus.AddConsumer<MeetingCancelledConsumer>();
    bus.AddConsumer<AgendaPublishedConsumer>();
});
builder.AddQuestions();

var app = builder.Build();

// `dotnet run --project services/Questions -- seed`: migrate, load the fixture, exit (the running service sends its events).
if (args.Contains("seed", StringComparer.Ordinal))
{
    await app.MigrateDatabaseAsync<QuestionsDbContext>();
    await using var scope = app.Services.CreateAsyncScope();
    var result = await scope.ServiceProvider.GetRequiredService<SeedLoader>().LoadAsync(CancellationToken.None);
    Console.WriteLine($"Questions seed: {result.MeetingsAdded} meetings and {result.QuestionsAdded} questions added, {result.QuestionsAlreadyThere} already there.");
    return;
}

app.UsePanelService(QuestionsApi.ServiceName);
app.UseSubmissionSizeLimit();
app.MapSubmissionEndpoints();
app.MapModerationEndpoints();
app.MapAnswerEndpoints();
app.MapPublicEndpoints();
app.MapExportEndpoints();
app.MapFiguresEndpoints();
if (app.Environment.IsDevelopment() || app.Services.GetRequiredService<IOptions<QuestionsOptions>>().Value.SeedEndpoint)
{
    app.MapSeedEndpoints();
}

await app.RunPanelServiceAsync<QuestionsDbContext>();
