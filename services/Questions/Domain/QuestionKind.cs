namespace PanelPlatform.Questions.Domain;

/// <summary>A Panel member's question to the Commissioner, or a resident's question on a meeting's topic.</summary>
public enum QuestionKind
{
    Member,
    Public,
}
