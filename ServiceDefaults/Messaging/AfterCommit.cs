namespace PanelPlatform.ServiceDefaults.Messaging;

/// <summary>
/// Work a consumer wants done only once its transaction has committed (e.g. waking a worker for rows it wrote).
/// Scoped to the message; the inbox filter runs the actions after its commit, never after a rollback.
/// </summary>
public sealed class AfterCommit
{
    private readonly List<Action> _actions = [];

    public void Add(Action action) => _actions.Add(action);

    internal void Run()
    {
        foreach (var action in _actions)
        {
            action();
        }

        _actions.Clear();
    }

    internal void Discard() => _actions.Clear();
}
