using PanelPlatform.AppHost;

var builder = DistributedApplication.CreateBuilder(args);

var infrastructure = builder.AddPanelInfrastructure();
var signingKey = builder.AddDevelopmentSigningKey(infrastructure.DataDirectory);
var replicas = builder.Configuration.GetValue("Panel:Replicas", 1);

var meetings = builder.AddPanelService<Projects.Meetings>("meetings", infrastructure, signingKey, replicas);
var questions = builder.AddPanelService<Projects.Questions>("questions", infrastructure, signingKey, replicas);
var grants = builder.AddPanelService<Projects.Grants>("grants", infrastructure, signingKey, replicas);
var casework = builder.AddPanelService<Projects.Casework>("casework", infrastructure, signingKey, replicas);
var notifications = builder.AddPanelService<Projects.Notifications>("notifications", infrastructure, signingKey, replicas);

// Staff sign-in (OpenID Connect); no broker. Configured once the gateway, its public address, exists.
var identity = builder.AddProject<Projects.Identity>("identity")
    .WithReplicas(replicas)
    .WithHttpHealthCheck("/health");

var gateway = builder.AddProject<Projects.Gateway>("gateway")
    .WithEnvironment("Auth__SigningKey", signingKey)
    .WithReplicas(replicas)
    .WithExternalHttpEndpoints()
    .WithHttpHealthCheck("/alive");
foreach (var service in new[] { meetings, questions, grants, casework, notifications })
{
    gateway.WithReference(service).WaitFor(service);
}

identity.WithIdentityConfiguration(builder, infrastructure, gateway);
gateway.WithReference(identity).WaitFor(identity);
foreach (var app in new[] { meetings, questions, grants, casework, notifications, gateway })
{
    app.WithIdentityAuthority(identity, gateway);
}

// The web site is every path of the gateway but /api/** and /identity/**; it calls the APIs back through the gateway
// and signs staff in at the identity service through the gateway too. The gateway does not wait for it.
var web = builder.AddPanelWebSite<Projects.Web>("web", infrastructure, signingKey, replicas)
    .WithEnvironment("Web__GatewayUrl", gateway.GetEndpoint("http"))
    .WithEnvironment("Web__SignIn__ClientId", PanelResources.ConsoleClientId)
    .WithEnvironment("Web__SignIn__ClientSecret", builder.AddConsoleClientSecret(infrastructure.DataDirectory))
    .WithEnvironment("Web__SignIn__RequireHttpsMetadata", "false");
gateway.WithReference(web);

notifications.WithEnvironment("Notifications__Delivery__PublicBaseUrl", gateway.GetEndpoint("http"));
// The question confirmation email links to the site's page (through the gateway), which posts the token to the API.
questions.WithEnvironment("Questions__Confirmation__UrlBase", ReferenceExpression.Create($"{gateway.GetEndpoint("http")}/questions/confirm?token="));
if (infrastructure.Mail is { } mail)
{
    // Development mail goes to smtp4dev: its inbox is the "mail" resource's http endpoint on the dashboard.
    var smtp = mail.GetEndpoint("smtp");
    notifications
        .WithEnvironment("Notifications__Email__Host", smtp.Property(EndpointProperty.Host))
        .WithEnvironment("Notifications__Email__Port", smtp.Property(EndpointProperty.Port))
        .WithEnvironment("Notifications__Email__Security", "None")
        .WaitFor(mail);
}

builder.AnnounceUrlsWhenReady(gateway);
builder.Build().Run();
