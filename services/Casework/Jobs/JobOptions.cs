namespace PanelPlatform.Casework.Jobs;

/// <summary><c>Casework:Deadlines</c>: how often the deadline watch looks.</summary>
public sealed class DeadlineWatchOptions
{
    public const string SectionName = "Casework:Deadlines";

    public bool Enabled { get; set; } = true;
    public TimeSpan Interval { get; set; } = TimeSpan.FromMinutes(5);
}

/// <summary><c>Casework:Retention</c>: how long closed cases keep their personal data.</summary>
public sealed class RetentionOptions
{
    public const string SectionName = "Casework:Retention";

    public bool Enabled { get; set; } = true;

    /// <summary>Closed cases are anonymised this many years after closing.</summary>
    public int Years { get; set; } = 6;

    public TimeSpan Interval { get; set; } = TimeSpan.FromHours(6);
}
