namespace PanelPlatform.Meetings.Domain;

/// <summary>A well-formed request that breaks a rule of the committee record; answered as a 422 (or 409) problem.</summary>
public sealed class RuleViolation(string code, string message, bool conflict = false) : Exception(message)
{
    /// <summary>Stable problem code, e.g. <c>agenda-notice-too-short</c>.</summary>
    public string Code { get; } = code;

    /// <summary>True when the rule is about the current state of the record (409) rather than the request (422).</summary>
    public bool IsConflict { get; } = conflict;

    public static RuleViolation Conflict(string code, string message) => new(code, message, conflict: true);
}
