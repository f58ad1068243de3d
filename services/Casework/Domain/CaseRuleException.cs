namespace PanelPlatform.Casework.Domain;

/// <summary>
/// A request the case cannot accept. <see cref="IsConflict"/>: the case's state forbids it (409); otherwise a
/// business rule does (422). <see cref="Code"/> becomes part of the problem's type.
/// </summary>
public sealed class CaseRuleException(string code, string message, bool isConflict = false) : Exception(message)
{
    public string Code { get; } = code;
    public bool IsConflict { get; } = isConflict;
}
