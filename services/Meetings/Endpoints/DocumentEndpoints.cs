using System.Data;
using System.Security.Claims;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using PanelPlatform.Meetings.Data;
using PanelPlatform.Meetings.Domain;
using PanelPlatform.Meetings.Queries;
using PanelPlatform.ServiceDefaults.Auth;
using PanelPlatform.ServiceDefaults.Http;

namespace PanelPlatform.Meetings.Endpoints;

/// <summary>Documents: the file is the request body (its Content-Type is the document's); stored in PostgreSQL, streamed back.</summary>
public static class DocumentEndpoints
{
    public const long MaxDocumentBytes = 50L * 1024 * 1024;

    public static IEndpointRouteBuilder MapDocumentEndpoints(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/meetings").WithTags("Documents");
        group.MapPost("/meetings/{id:guid}/documents", Upload).RequireAuthorization(Roles.Clerk)
            .WithMetadata(new RequestSizeLimitAttribute(MaxDocumentBytes));
        group.MapGet("/meetings/{id:guid}/documents", List);
        group.MapGet("/documents/{documentId:guid}", Get);
        group.MapGet("/documents/{documentId:guid}/content", Download);
        group.MapDelete("/documents/{documentId:guid}", Delete).RequireAuthorization(Roles.Clerk);
        return routes;
    }

    private static async Task<Results<Created<DocumentSummary>, ValidationProblem, ProblemHttpResult>> Upload(
        Guid id, HttpRequest request, MeetingsDbContext db, TimeProvider time, CancellationToken cancellationToken,
        string? title = null, string? kind = null, Guid? itemId = null, string? fileName = null, int? pageCount = null, bool? exempt = null)
    {
        var validation = new Validation()
            .Required("title", title, 300).PlainText("title", title)
            .MaxLength("fileName", fileName, 300).PlainText("fileName", fileName);
        KebabEnum.TryRead<DocumentKind>(kind, "kind", validation, out var documentKind);
        var contentType = request.ContentType;
        if (string.IsNullOrWhiteSpace(contentType) || contentType.Length > 200 || !contentType.Contains('/', StringComparison.Ordinal))
        {
            validation.Add("contentType", "The request's Content-Type is the document's media type and is required.");
        }

        if (pageCount is < 1 or > 100_000)
        {
            validation.Add("pageCount", "pageCount must be between 1 and 100000.");
        }

        if (fileName is not null && fileName.IndexOfAny(['/', '\\']) >= 0)
        {
            validation.Add("fileName", "fileName must not contain a path.");
        }

        if (!validation.IsValid)
        {
            return validation.ToProblem();
        }

        var meeting = await db.Meetings.FindAsync([id], cancellationToken);
        if (meeting is null)
        {
            return Problems.NotFoundProblem("Meeting", id);
        }

        meeting.EnsureAgendaEditable();
        AgendaItem? item = null;
        if (itemId is { } wanted)
        {
            item = await db.AgendaItems.FirstOrDefaultAsync(i => i.Id == wanted && i.MeetingId == id, cancellationToken);
            if (item is null)
            {
                return Problems.RuleProblem("unknown-item", "Unknown agenda item", $"Meeting {id} has no item '{wanted}'.");
            }
        }

        using var buffer = new MemoryStream();
        await request.Body.CopyToAsync(buffer, cancellationToken);
        if (buffer.Length == 0)
        {
            return new Validation().Add("body", "The document is empty.").ToProblem();
        }

        var content = buffer.ToArray();
        var now = time.GetUtcNow();
        var document = new Document
        {
            Id = Guid.CreateVersion7(now),
            MeetingId = id,
            AgendaItemId = item?.Id,
            Title = title!.Trim(),
            Kind = documentKind ?? DocumentKind.Report,
            ContentType = contentType!.Split(';')[0].Trim().ToLowerInvariant(),
            FileName = string.IsNullOrWhiteSpace(fileName) ? $"{Slugs.From(title)}{Extension(contentType)}" : fileName.Trim(),
            SizeBytes = content.LongLength,
            PageCount = pageCount ?? PdfPages.Count(content),
            Sha256 = Convert.ToHexStringLower(SHA256.HashData(content)),
            IsExempt = exempt ?? false,
            UploadedAt = now,
        };
        db.Documents.Add(document);
        db.DocumentContents.Add(new DocumentContent { DocumentId = document.Id, Content = content });
        await db.SaveChangesAsync(cancellationToken);
        document.AgendaItem = item;
        return TypedResults.Created($"/api/meetings/documents/{document.Id}", MeetingPageQuery.MapDocument(document));
    }

    private static string Extension(string contentType) => contentType.Split(';')[0].Trim().ToLowerInvariant() switch
    {
        "application/pdf" => ".pdf",
        "text/plain" => ".txt",
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document" => ".docx",
        _ => "",
    };

    private static async Task<Results<Ok<IReadOnlyList<DocumentSummary>>, ProblemHttpResult>> List(
        Guid id, ClaimsPrincipal user, MeetingsDbContext db, CancellationToken cancellationToken)
    {
        if (!await db.Meetings.AnyAsync(m => m.Id == id, cancellationToken))
        {
            return Problems.NotFoundProblem("Meeting", id);
        }

        var documents = await db.Documents.AsNoTracking().Include(d => d.AgendaItem).Where(d => d.MeetingId == id)
            .VisibleTo(Viewer.From(user)).OrderBy(d => d.UploadedAt).ToListAsync(cancellationToken);
        return TypedResults.Ok<IReadOnlyList<DocumentSummary>>(documents.Select(MeetingPageQuery.MapDocument).ToList());
    }

    private static Task<Document?> FindVisibleAsync(MeetingsDbContext db, Guid documentId, Viewer viewer, CancellationToken cancellationToken) =>
        db.Documents.AsNoTracking().Include(d => d.AgendaItem).Where(d => d.Id == documentId).VisibleTo(viewer).FirstOrDefaultAsync(cancellationToken);

    private static async Task<Results<Ok<DocumentSummary>, ProblemHttpResult>> Get(
        Guid documentId, ClaimsPrincipal user, MeetingsDbContext db, CancellationToken cancellationToken)
    {
        var document = await FindVisibleAsync(db, documentId, Viewer.From(user), cancellationToken);
        return document is null ? Problems.NotFoundProblem("Document", documentId) : TypedResults.Ok(MeetingPageQuery.MapDocument(document));
    }

    /// <summary>Streams the bytes from PostgreSQL (sequential access), never holding the whole file in memory.</summary>
    private static async Task<Results<PushStreamHttpResult, ProblemHttpResult>> Download(
        Guid documentId, HttpContext context, MeetingsDbContext db, NpgsqlDataSource dataSource, CancellationToken cancellationToken)
    {
        var document = await FindVisibleAsync(db, documentId, Viewer.From(context.User), cancellationToken);
        if (document is null)
        {
            return Problems.NotFoundProblem("Document", documentId);
        }

        context.Response.ContentLength = document.SizeBytes;
        context.Response.Headers.ETag = $"\"{document.Sha256}\"";
        return TypedResults.Stream(async body =>
        {
            await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
            await using var command = new NpgsqlCommand("SELECT content FROM document_contents WHERE document_id = $1", connection);
            command.Parameters.AddWithValue(documentId);
            await using var reader = await command.ExecuteReaderAsync(CommandBehavior.SequentialAccess, cancellationToken);
            if (await reader.ReadAsync(cancellationToken))
            {
                await using var stream = await reader.GetStreamAsync(0, cancellationToken);
                await stream.CopyToAsync(body, 81920, cancellationToken);
            }
        }, document.ContentType, document.FileName);
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> Delete(Guid documentId, MeetingsDbContext db, CancellationToken cancellationToken)
    {
        var document = await db.Documents.Include(d => d.Meeting).FirstOrDefaultAsync(d => d.Id == documentId, cancellationToken);
        if (document is null)
        {
            return Problems.NotFoundProblem("Document", documentId);
        }

        document.Meeting.EnsureAgendaEditable();
        db.Documents.Remove(document);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.NoContent();
    }
}

/// <summary>Counts the pages of a PDF by its page objects (<c>/Type /Page</c>, not <c>/Pages</c>); null when it is not a PDF.</summary>
public static class PdfPages
{
    public static int? Count(byte[] content)
    {
        if (content.Length < 5 || !content.AsSpan(0, 5).SequenceEqual("%PDF-"u8))
        {
            return null;
        }

        var text = System.Text.Encoding.Latin1.GetString(content);
        var count = System.Text.RegularExpressions.Regex.Count(text, @"/Type\s*/Page(?![a-zA-Z])");
        return count > 0 ? count : null;
    }
}
