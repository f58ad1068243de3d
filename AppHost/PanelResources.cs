using Aspire.Hosting.ApplicationModel;
using System.Security.Cryptography;

namespace PanelPlatform.AppHost;

internal static class PanelResources
{
    /// <summary>A service with its own database (<c>{name}db</c>), the broker, the signing key, and a readiness probe.</summary>
    public static IResourceBuilder<ProjectResource> AddPanelService<TProject>(
        this IDistributedApplicationBuilder builder,
        string name,
        PanelInfrastructure infrastructure,
        IResourceBuilder<ParameterResource> signingKey,
        int replicas)
        where TProject : IProjectMetadata, new()
    {
        var service = builder.AddProject<TProject>(name)
            .WithReference(infrastructure.Messaging)
            .WithReference(infrastructure.Databases[$"{name}db"])
            .WithEnvironment("Auth__SigningKey", signingKey)
            .WithReplicas(replicas)
            .WithHttpHealthCheck("/health");
        foreach (var dependency in infrastructure.StartFirst)
        {
            service.WaitFor(dependency);
        }

        return service;
    }

    /// <summary>
    /// The web site: its own database for the key ring its replicas share, no broker. The signing key lets it sign the
    /// residents' addresses for the gateway (ForwardedClient). The gateway does not wait for it (the site calls the gateway).
    /// </summary>
    public static IResourceBuilder<ProjectResource> AddPanelWebSite<TProject>(
        this IDistributedApplicationBuilder builder,
        string name,
        PanelInfrastructure infrastructure,
        IResourceBuilder<ParameterResource> signingKey,
        int replicas)
        where TProject : IProjectMetadata, new()
    {
        var site = builder.AddProject<TProject>(name)
            .WithReference(infrastructure.Databases[$"{name}db"])
            .WithEnvironment("Auth__SigningKey", signingKey)
            .WithReplicas(replicas)
            .WithHttpHealthCheck("/health");
        foreach (var dependency in infrastructure.StartFirst)
        {
            site.WaitFor(dependency);
        }

        return site;
    }

    /// <summary>
    /// The key every service validates development tokens with; made once and kept in the data directory so that
    /// <c>deploy/local/mint-token.sh</c> can sign tokens the running platform accepts.
    /// </summary>
    public static IResourceBuilder<ParameterResource> AddDevelopmentSigningKey(this IDistributedApplicationBuilder builder, string dataDirectory)
    {
        var configured = builder.Configuration["Auth:SigningKey"];
        var keyFile = Path.Combine(dataDirectory, "signing-key");
        if (string.IsNullOrWhiteSpace(configured))
        {
            Directory.CreateDirectory(dataDirectory);
            if (!File.Exists(keyFile))
            {
                File.WriteAllText(keyFile, Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)));
            }

            configured = File.ReadAllText(keyFile).Trim();
        }

        return builder.AddParameter("auth-signing-key", configured, publishValueAsDefault: false, secret: true);
    }

    /// <summary>The development password of the seeded accounts (<c>clerk@panel.test</c>, … <c>admin@panel.test</c>).</summary>
    public const string DevelopmentPassword = "Panel-dev-password-1";

    /// <summary>
    /// The identity service: its database, its keys and the staff console's client, made once in the data directory
    /// (like the development signing key) so that sessions, codes and refresh tokens survive a restart and every replica
    /// shares them; the public issuer is the gateway's address, as browsers see it.
    /// </summary>
    public static IResourceBuilder<ProjectResource> WithIdentityConfiguration(
        this IResourceBuilder<ProjectResource> identity,
        IDistributedApplicationBuilder builder,
        PanelInfrastructure infrastructure,
        IResourceBuilder<ProjectResource> gateway)
    {
        var data = infrastructure.DataDirectory;
        var signingKey = builder.AddDevelopmentSecret("identity-signing-key", Path.Combine(data, "identity-signing-key.pem"),
            () => { using var rsa = RSA.Create(2048); return rsa.ExportPkcs8PrivateKeyPem(); });
        var encryptionKey = builder.AddDevelopmentSecret("identity-encryption-key", Path.Combine(data, "identity-encryption-key"),
            () => Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)));
        var gatewayUrl = gateway.GetEndpoint("http");
        identity
            .WithReference(infrastructure.Databases["identitydb"])
            .WithEnvironment("Identity__Issuer", ReferenceExpression.Create($"{gatewayUrl}/identity/"))
            .WithEnvironment("Identity__SigningKey", signingKey)
            .WithEnvironment("Identity__EncryptionKey", encryptionKey)
            .WithEnvironment("Identity__Clients__0__ClientId", ConsoleClientId)
            .WithEnvironment("Identity__Clients__0__Secret", builder.AddConsoleClientSecret(data))
            .WithEnvironment("Identity__Clients__0__RedirectUris__0", ReferenceExpression.Create($"{gatewayUrl}/console/signin-oidc"))
            .WithEnvironment("Identity__Clients__0__PostLogoutRedirectUris__0", ReferenceExpression.Create($"{gatewayUrl}/console/signout-callback-oidc"))
            .WithEnvironment("Identity__SeedDevelopmentAccounts", "true")
            .WithEnvironment("Identity__DevelopmentPassword", DevelopmentPassword);
        foreach (var dependency in infrastructure.StartFirst)
        {
            identity.WaitFor(dependency);
        }

        return identity;
    }

    public const string ConsoleClientId = "panel-console";

    /// <summary>The staff console's client secret: the identity service registers it, the web app signs in with it.</summary>
    public static IResourceBuilder<ParameterResource> AddConsoleClientSecret(this IDistributedApplicationBuilder builder, string dataDirectory) =>
        builder.Resources.OfType<ParameterResource>().FirstOrDefault(p => p.Name == "console-client-secret") is { } existing
            ? builder.CreateResourceBuilder(existing)
            : builder.AddDevelopmentSecret("console-client-secret", Path.Combine(dataDirectory, "console-client-secret"),
                () => Convert.ToHexString(RandomNumberGenerator.GetBytes(24)).ToLowerInvariant());

    /// <summary>
    /// Tokens from the identity service, beside the development key: the public issuer (what tokens say) and the
    /// identity service's own address for discovery (what a service can reach), over plain HTTP in development.
    /// </summary>
    public static IResourceBuilder<ProjectResource> WithIdentityAuthority(
        this IResourceBuilder<ProjectResource> app, IResourceBuilder<ProjectResource> identity, IResourceBuilder<ProjectResource> gateway) =>
        app.WithEnvironment("Auth__Authority", ReferenceExpression.Create($"{gateway.GetEndpoint("http")}/identity/"))
            .WithEnvironment("Auth__MetadataAddress",
                ReferenceExpression.Create($"{identity.GetEndpoint("http")}/identity/.well-known/openid-configuration"))
            .WithEnvironment("Auth__RequireHttpsMetadata", "false");

    /// <summary>A secret made once and kept in the data directory, unless configuration gives it (<c>Parameters:{name}</c>).</summary>
    private static IResourceBuilder<ParameterResource> AddDevelopmentSecret(
        this IDistributedApplicationBuilder builder, string name, string file, Func<string> make)
    {
        var configured = builder.Configuration[$"Parameters:{name}"];
        if (string.IsNullOrWhiteSpace(configured))
        {
            Directory.CreateDirectory(Path.GetDirectoryName(file)!);
            if (!File.Exists(file))
            {
                File.WriteAllText(file, make());
                if (!OperatingSystem.IsWindows())
                {
                    File.SetUnixFileMode(file, UnixFileMode.UserRead | UnixFileMode.UserWrite);
                }
            }

            configured = File.ReadAllText(file).Trim();
        }

        return builder.AddParameter(name, configured, publishValueAsDefault: false, secret: true);
    }

    /// <summary>Prints where to go once the gateway is up (Aspire prints the dashboard's login link itself).</summary>
    public static void AnnounceUrlsWhenReady(this IDistributedApplicationBuilder builder, IResourceBuilder<ProjectResource> gateway)
    {
        builder.Eventing.Subscribe<ResourceReadyEvent>(gateway.Resource, (@event, _) =>
        {
            var logger = @event.Services.GetRequiredService<ILoggerFactory>().CreateLogger("PanelPlatform");
            var endpoint = gateway.GetEndpoint("http");
            var dashboard = builder.Configuration["ASPNETCORE_URLS"]?.Split(';').FirstOrDefault();
            logger.LogInformation(
                "Panel Platform is ready. Gateway: {Gateway}  Dashboard: {Dashboard}  Try: curl {Gateway}/api/meetings/meetings",
                endpoint.Url, dashboard ?? "(see the login link above)", endpoint.Url);
            Console.WriteLine($"==> Gateway:   {endpoint.Url}");
            Console.WriteLine($"==> Dashboard: {dashboard ?? "(see the login link above)"}");
            return Task.CompletedTask;
        });
    }
}
