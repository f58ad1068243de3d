namespace PanelPlatform.TestInfrastructure;

public static class Eventually
{
    /// <summary>Polls <paramref name="condition"/> until it holds or <paramref name="timeout"/> passes (then fails with <paramref name="what"/>).</summary>
    public static async Task<T> Until<T>(Func<Task<T?>> probe, Func<T?, bool> condition, TimeSpan timeout, string what)
    {
        var deadline = DateTimeOffset.UtcNow + timeout;
        T? last;
        while (true)
        {
            last = await probe();
            if (condition(last))
            {
                return last!;
            }

            if (DateTimeOffset.UtcNow > deadline)
            {
                throw new TimeoutException($"Timed out after {timeout.TotalSeconds}s waiting for {what}. Last seen: {last}");
            }

            await Task.Delay(100);
        }
    }

    public static Task Until(Func<Task<bool>> condition, TimeSpan timeout, string what) =>
        Until(async () => await condition(), ok => ok, timeout, what);

    /// <summary>
    /// Waits for <paramref name="remaining"/> to reach zero for as long as it keeps falling: fails when it has not fallen
    /// for <paramref name="stall"/>, or at <paramref name="limit"/>. For work whose pace depends on the machine (a
    /// drain of thousands of messages beside other test projects), where slow is not stuck.
    /// </summary>
    public static async Task WhileProgressing(Func<Task<long>> remaining, TimeSpan stall, TimeSpan limit, string what)
    {
        var started = DateTimeOffset.UtcNow;
        var lastMoved = started;
        var least = long.MaxValue;
        while (true)
        {
            var left = await remaining();
            if (left <= 0)
            {
                return;
            }

            var now = DateTimeOffset.UtcNow;
            if (left < least)
            {
                least = left;
                lastMoved = now;
            }

            if (now - lastMoved > stall)
            {
                throw new TimeoutException($"Stalled waiting for {what}: {left} left, none done in {stall.TotalSeconds}s " +
                                           $"(after {(now - started).TotalSeconds:0}s).");
            }

            if (now - started > limit)
            {
                throw new TimeoutException($"Timed out after {limit.TotalSeconds}s waiting for {what}: {left} left, still moving.");
            }

            await Task.Delay(250);
        }
    }
}
