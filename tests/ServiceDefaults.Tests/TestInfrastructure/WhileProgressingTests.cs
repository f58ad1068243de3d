using PanelPlatform.TestInfrastructure;

namespace PanelPlatform.ServiceDefaults.Tests.TestInfrastructure;

/// <summary>The wait the outbox drain uses: it must tell slow work from stuck work.</summary>
public sealed class WhileProgressingTests
{
    [Fact]
    public async Task Work_that_keeps_moving_is_waited_for_past_the_stall_time()
    {
        var left = 8L;
        var lastStep = DateTimeOffset.UtcNow;
        var started = lastStep;
        // One step each 0.3 s at most: about 4 s in all, well past the 1 s allowed without a step.
        Task<long> Remaining()
        {
            if (DateTimeOffset.UtcNow - lastStep >= TimeSpan.FromMilliseconds(300))
            {
                left--;
                lastStep = DateTimeOffset.UtcNow;
            }

            return Task.FromResult(left);
        }

        await Eventually.WhileProgressing(Remaining, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(30), "the steps");
        Assert.True(DateTimeOffset.UtcNow - started > TimeSpan.FromSeconds(2), "the work should have outlasted the stall allowance");
        Assert.Equal(0, left);
    }

    [Fact]
    public async Task Work_that_stops_fails_after_the_stall_time_saying_how_much_was_left()
    {
        var left = 5L;
        var started = DateTimeOffset.UtcNow;
        var error = await Assert.ThrowsAsync<TimeoutException>(() => Eventually.WhileProgressing(
            () => Task.FromResult(left > 3 ? --left : left), TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(30), "the steps"));
        Assert.StartsWith("Stalled waiting for the steps: 3 left, none done in 1s", error.Message);
        Assert.InRange(DateTimeOffset.UtcNow - started, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task Work_that_moves_but_outlasts_the_limit_fails_as_still_moving()
    {
        var left = 1_000_000L;
        var error = await Assert.ThrowsAsync<TimeoutException>(() => Eventually.WhileProgressing(
            () => Task.FromResult(--left), TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(1), "the steps"));
        Assert.Contains("still moving", error.Message);
    }
}
