namespace PanelPlatform.Casework.Domain;

/// <summary>A caseworker's note on a case: free text, personal data.</summary>
public sealed class CaseNote
{
    private CaseNote()
    {
    }

    public Guid Id { get; private set; }
    public Guid CaseId { get; private set; }
    public string? Text { get; private set; }
    public string AuthorSubject { get; private set; } = "";
    public string AuthorName { get; private set; } = "";
    public DateTimeOffset CreatedAt { get; private set; }

    public static CaseNote Write(Case @case, string text, string authorSubject, string authorName, DateTimeOffset now)
    {
        @case.EnsureNotAnonymised();
        return new CaseNote
        {
            Id = Guid.CreateVersion7(now),
            CaseId = @case.Id,
            Text = text.Trim(),
            AuthorSubject = authorSubject,
            AuthorName = authorName,
            CreatedAt = now,
        };
    }

    public void Anonymise() => Text = null;
}
