using PanelPlatform.Notifications;
using PanelPlatform.Notifications.Channels;
using PanelPlatform.Notifications.Consumers;
using PanelPlatform.Notifications.Data;
using PanelPlatform.Notifications.Endpoints;
using PanelPlatform.Notifications.Templates;

var builder = WebApplication.CreateBuilder(args);
builder.Configuration.AddJsonFile(Path.Combine(builder.Environment.ContentRootPath, "notice-templates.json"), optional: false, reloadOnChange: false);
var templates = TemplateCatalogue.Create(builder.Configuration.GetSection(TemplateOptions.SectionName).Get<TemplateOptions>() ?? new TemplateOptions());
builder.Services.AddSingleton(templates);
builder.AddPanelService<NotificationsDbContext>(NotificationsApi.ServiceName, bus =>
    NotificationConsumers.Add(bus, builder.Configuration, NotificationsApi.ServiceName, templates));
builder.AddNotificationDelivery();

var app = builder.Build();
app.UsePanelService(NotificationsApi.ServiceName);
app.MapSubscriptionEndpoints();
app.MapSubscriberEndpoints();
app.MapChoiceEndpoints();
app.MapAlertEndpoints();
app.MapSendingEndpoints();
app.MapReportEndpoints();
app.MapProviderEndpoints();
app.MapAlertConsoleEndpoints();

await app.RunPanelServiceAsync<NotificationsDbContext>();
