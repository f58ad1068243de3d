namespace PanelPlatform.Casework.Domain;

/// <summary>A file attached to a case (a letter, an email, a response). Its name and its content are personal data.</summary>
public sealed class CaseDocument
{
    public const long MaxBytes = 10 * 1024 * 1024;

    public static readonly IReadOnlySet<string> AllowedContentTypes = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        "application/pdf",
        "text/plain",
        "image/jpeg",
        "image/png",
        "message/rfc822",
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        "application/msword",
    };

    private CaseDocument()
    {
    }

    public Guid Id { get; private set; }
    public Guid CaseId { get; private set; }
    public string? FileName { get; private set; }
    public string ContentType { get; private set; } = "";
    public long Length { get; private set; }
    public byte[]? Content { get; private set; }
    public string UploadedBy { get; private set; } = "";
    public DateTimeOffset UploadedAt { get; private set; }

    public static CaseDocument Attach(Case @case, string fileName, string contentType, byte[] content, string uploadedBy, DateTimeOffset now)
    {
        @case.EnsureNotAnonymised();
        return new CaseDocument
        {
            Id = Guid.CreateVersion7(now),
            CaseId = @case.Id,
            FileName = fileName.Trim(),
            ContentType = contentType,
            Length = content.LongLength,
            Content = content,
            UploadedBy = uploadedBy,
            UploadedAt = now,
        };
    }

    public void Anonymise()
    {
        FileName = null;
        Content = null;
    }
}
