using PanelPlatform.TestInfrastructure;

namespace PanelPlatform.Grants.Tests.Support;

/// <summary>Two instances of the Grants service sharing one database, as two replicas behind the gateway.</summary>
public sealed class TwoInstances : IAsyncDisposable
{
    private readonly IAsyncDisposable _recipients;

    private TwoInstances(ServiceFactory<GrantsApi> one, ServiceFactory<GrantsApi> two, IAsyncDisposable recipients)
    {
        One = one;
        Two = two;
        _recipients = recipients;
    }

    public ServiceFactory<GrantsApi> One { get; }
    public ServiceFactory<GrantsApi> Two { get; }

    public static async Task<TwoInstances> StartAsync(PlatformInfrastructure infrastructure)
    {
        var recipients = await RecipientCommands.BindAsync(infrastructure);
        var database = await infrastructure.CreateDatabaseAsync(GrantsApi.ServiceName);
        // One after the other: the first migrates the shared database, the second finds it migrated.
        var one = new ServiceFactory<GrantsApi>(infrastructure, GrantsApi.ServiceName, database, GrantsService.Settings);
        await one.Services.WaitForBusAsync();
        var two = new ServiceFactory<GrantsApi>(infrastructure, GrantsApi.ServiceName, database, GrantsService.Settings);
        await two.Services.WaitForBusAsync();
        return new TwoInstances(one, two, recipients);
    }

    public async ValueTask DisposeAsync()
    {
        await One.DisposeAsync();
        await Two.DisposeAsync();
        await _recipients.DisposeAsync();
    }
}
