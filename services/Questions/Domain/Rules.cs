namespace PanelPlatform.Questions.Domain;

/// <summary>Sizes of what people write.</summary>
public static class Rules
{
    public const int MaxTextLength = 1500;
    public const int MaxTopicLength = 200;
    public const int MaxNameLength = 200;
    public const int MaxNoteLength = 1000;
    public const int MaxAnswerLength = 10000;
}
