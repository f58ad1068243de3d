namespace PanelPlatform.Grants.Domain;

public enum RuleKind
{
    /// <summary>The request is fine but the resource's state forbids it now (409).</summary>
    Conflict,

    /// <summary>The request breaks a business rule whatever the state (422).</summary>
    Rule,
}

/// <summary>A domain rule said no; endpoints turn it into a 409 or 422 problem with <see cref="Code"/> in its type.</summary>
public sealed class GrantRuleException(RuleKind kind, string code, string title, string detail) : Exception(detail)
{
    public RuleKind Kind { get; } = kind;
    public string Code { get; } = code;
    public string Title { get; } = title;

    public static GrantRuleException Conflict(string code, string title, string detail) => new(RuleKind.Conflict, code, title, detail);

    public static GrantRuleException Rule(string code, string title, string detail) => new(RuleKind.Rule, code, title, detail);
}
