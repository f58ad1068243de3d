using MassTransit;
using Microsoft.Extensions.DependencyInjection;

namespace PanelPlatform.TestInfrastructure;

public static class BusReadiness
{
    /// <summary>
    /// Services start without waiting for the broker (so they come up while it is down); a test that publishes
    /// straight away waits here until the receive endpoints exist, or its first messages find no queue bound.
    /// </summary>
    public static Task WaitForBusAsync(this IServiceProvider services, TimeSpan? timeout = null)
    {
        var bus = services.GetRequiredService<IBusControl>();
        return Eventually.Until(
            () => Task.FromResult(bus.CheckHealth().Status == BusHealthStatus.Healthy),
            timeout ?? TimeSpan.FromSeconds(30),
            "the bus and its receive endpoints to be ready");
    }
}
