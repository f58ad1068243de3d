namespace PanelPlatform.ServiceDefaults.Messaging;

/// <summary>
/// Wakes a background worker when there is new work, so it need not wait for its next poll. Signals coalesce:
/// one wake-up covers everything committed before it. Subclass per worker so each has its own.
/// </summary>
public abstract class WorkSignal
{
    private readonly SemaphoreSlim _semaphore = new(0, 1);

    public void Notify()
    {
        try
        {
            if (_semaphore.CurrentCount == 0)
            {
                _semaphore.Release();
            }
        }
        catch (SemaphoreFullException)
        {
            // Another thread signalled first; one wake-up is enough.
        }
    }

    /// <summary>True when signalled, false when <paramref name="timeout"/> passed first.</summary>
    public Task<bool> WaitAsync(TimeSpan timeout, CancellationToken cancellationToken) =>
        _semaphore.WaitAsync(timeout, cancellationToken);
}
