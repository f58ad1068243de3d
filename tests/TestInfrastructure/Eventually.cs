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
}
