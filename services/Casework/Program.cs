using PanelPlatform.Casework;
using PanelPlatform.Casework.Data;
using PanelPlatform.Casework.Endpoints;

var builder = WebApplication.CreateBuilder(args);
builder.AddPanelService<CaseworkDbContext>(CaseworkApi.ServiceName);
builder.AddCasework();

var app = builder.Build();
app.UsePanelService(CaseworkApi.ServiceName);
app.MapCaseworkEndpoints();

await app.RunPanelServiceAsync<CaseworkDbContext>();
