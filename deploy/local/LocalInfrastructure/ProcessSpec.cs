namespace PanelPlatform.LocalInfrastructure;

/// <summary>How to start one local server process: what the AppHost turns into an executable resource
/// and what the test fixture starts itself.</summary>
public sealed record ProcessSpec(
    string Name,
    string Command,
    IReadOnlyList<string> Arguments,
    IReadOnlyDictionary<string, string> Environment,
    string WorkingDirectory);
