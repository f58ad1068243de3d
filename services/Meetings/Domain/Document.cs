namespace PanelPlatform.Meetings.Domain;

public enum DocumentKind
{
    Agenda,
    Report,
    Appendix,
    Minutes,
    Supplement,
    Presentation,
    Other,
}

/// <summary>A file attached to a meeting or one of its items. Its bytes live in <see cref="DocumentContent"/>, read only on download.</summary>
public sealed class Document
{
    public Guid Id { get; set; }
    public Guid MeetingId { get; set; }
    public Meeting Meeting { get; set; } = null!;
    public Guid? AgendaItemId { get; set; }
    public AgendaItem? AgendaItem { get; set; }
    public string Title { get; set; } = "";
    public DocumentKind Kind { get; set; }
    public string ContentType { get; set; } = "";
    public string FileName { get; set; } = "";
    public long SizeBytes { get; set; }
    public int? PageCount { get; set; }
    public string Sha256 { get; set; } = "";

    /// <summary>Exempt in itself (e.g. exempt minutes); a document of a Part II item is exempt whatever this says.</summary>
    public bool IsExempt { get; set; }

    public DateTimeOffset UploadedAt { get; set; }

    public bool IsEffectivelyExempt => IsExempt || AgendaItem?.IsExempt == true;
}

public sealed class DocumentContent
{
    public Guid DocumentId { get; set; }
    public byte[] Content { get; set; } = [];
}

/// <summary>The scrutiny-pack cover sheet of a report: title, by, date, purpose, recommendations, contact, attachments.</summary>
public sealed class Report
{
    public Guid Id { get; set; }
    public Guid AgendaItemId { get; set; }
    public AgendaItem AgendaItem { get; set; } = null!;
    public string Title { get; set; } = "";

    /// <summary>"CHIEF CONSTABLE", "POLICE AND CRIME COMMISSIONER FOR DERBYSHIRE".</summary>
    public string ReportBy { get; set; } = "";

    public DateOnly Date { get; set; }
    public string Purpose { get; set; } = "";
    public string? Recommendations { get; set; }
    public string? ContactName { get; set; }
    public string? ContactPhone { get; set; }
    public string? ContactEmail { get; set; }
    public List<string> Attachments { get; set; } = [];

    /// <summary>The report's text, for search.</summary>
    public string? Text { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }
}
