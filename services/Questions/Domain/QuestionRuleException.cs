namespace PanelPlatform.Questions.Domain;

/// <summary>A transition the lifecycle does not allow; <see cref="Code"/> becomes the problem type (409).</summary>
public sealed class QuestionRuleException(string code, string message) : Exception(message)
{
    public string Code { get; } = code;
}
