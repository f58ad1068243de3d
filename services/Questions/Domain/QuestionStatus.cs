namespace PanelPlatform.Questions.Domain;

/// <summary>
/// submitted (after the email link, for the public) → accepted | rejected | withdrawn; accepted → answered → published.
/// A cancelled meeting sends open questions to <see cref="NeedsReassignment"/>.
/// </summary>
public enum QuestionStatus
{
    /// <summary>A public question whose asker has not yet followed the email link: no moderator sees it.</summary>
    AwaitingConfirmation,
    Submitted,
    Accepted,
    Rejected,
    Withdrawn,

    /// <summary>The answer is approved by the Commissioner's office; public only once published.</summary>
    Answered,
    Published,
    NeedsReassignment,
}
