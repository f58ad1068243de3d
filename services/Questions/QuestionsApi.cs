namespace PanelPlatform.Questions;

/// <summary>Names this service; also the marker type tests give WebApplicationFactory.</summary>
public sealed class QuestionsApi
{
    public const string ServiceName = "questions";
}
