namespace PanelPlatform.Web.Pages.Alerts;

/// <summary>Why a link from a message did not work, as the pages it opens say it.</summary>
public enum LinkOutcome
{
    Ready,
    Expired,
    Invalid,
    Gone,
    NothingToDo,
}
