using System.Security.Claims;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Net.Http.Headers;
using PanelPlatform.Casework.Data;
using PanelPlatform.Casework.Domain;
using PanelPlatform.Casework.Security;
using PanelPlatform.ServiceDefaults.Auth;
using PanelPlatform.ServiceDefaults.Http;

namespace PanelPlatform.Casework.Endpoints;

/// <summary>
/// Documents on a case: uploaded as the raw request body (<c>Content-Type</c> says what it is, <c>?fileName=</c> what
/// it was called), stored encrypted, downloaded by caseworkers with an audit row per download.
/// </summary>
public static class DocumentEndpoints
{
    public static RouteGroupBuilder MapDocumentEndpoints(this RouteGroupBuilder cases)
    {
        cases.MapPost("/{id:guid}/documents", Upload).RequireAuthorization(Roles.Caseworker);
        cases.MapGet("/{id:guid}/documents/{documentId:guid}", Download).RequireAuthorization(Roles.Caseworker);
        return cases;
    }

    public sealed record DocumentReceipt(Guid Id, Guid CaseId, string ContentType, long Length, DateTimeOffset UploadedAt);

    private static async Task<Results<Created<DocumentReceipt>, ValidationProblem, ProblemHttpResult>> Upload(
        Guid id, HttpRequest request, CaseworkDbContext db, TimeProvider time, ClaimsPrincipal user, CancellationToken cancellationToken,
        string? fileName = null)
    {
        var validation = new Validation().Text("fileName", fileName, 200, required: true);
        if (fileName is not null && fileName.IndexOfAny(['/', '\\']) >= 0)
        {
            validation.Add("fileName", "fileName is a name, not a path.");
        }

        var contentType = MediaTypeHeaderValue.TryParse(request.ContentType, out var media) ? media.MediaType.Value : null;
        if (contentType is null || !CaseDocument.AllowedContentTypes.Contains(contentType))
        {
            validation.Add("contentType", $"Content-Type must be one of: {string.Join(", ", CaseDocument.AllowedContentTypes.Order(StringComparer.Ordinal))}.");
        }

        if (!validation.IsValid)
        {
            return validation.ToProblem();
        }

        var @case = await db.Cases.AsNoTracking().FirstOrDefaultAsync(c => c.Id == id, cancellationToken);
        if (@case is null)
        {
            return CaseProblems.CaseNotFound(id);
        }

        if (request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = CaseDocument.MaxBytes + 1;
        }

        var content = await ReadAtMostAsync(request.Body, CaseDocument.MaxBytes, cancellationToken);
        if (content is null)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status413PayloadTooLarge, type: Problems.TooLarge,
                title: "The document is too large", detail: $"Documents may be at most {CaseDocument.MaxBytes / (1024 * 1024)} MB.");
        }

        if (content.Length == 0)
        {
            return new Validation().Add("body", "The document is empty.").ToProblem();
        }

        try
        {
            var document = CaseDocument.Attach(@case, fileName!, contentType!, content, PersonalData.SubjectOf(user), time.GetUtcNow());
            db.Documents.Add(document);
            await db.SaveChangesAsync(cancellationToken);
            return TypedResults.Created($"/api/casework/cases/{id}/documents/{document.Id}",
                new DocumentReceipt(document.Id, id, document.ContentType, document.Length, CaseViews.London(document.UploadedAt)!.Value));
        }
        catch (CaseRuleException rule)
        {
            return CaseProblems.From(rule);
        }
    }

    private static async Task<Results<FileContentHttpResult, ProblemHttpResult>> Download(
        Guid id, Guid documentId, CaseworkDbContext db, AuditTrail audit, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var found = await (
                from d in db.Documents.AsNoTracking()
                join c in db.Cases.AsNoTracking() on d.CaseId equals c.Id
                where d.Id == documentId && d.CaseId == id
                select new { Document = d, c.Reference })
            .FirstOrDefaultAsync(cancellationToken);
        if (found is null)
        {
            return Problems.NotFoundProblem("Document", documentId);
        }

        if (found.Document.Content is null)
        {
            return Problems.ConflictProblem("anonymised", "The document was removed", "This case was anonymised under the retention policy.");
        }

        audit.Record(user, id, found.Reference, "document", [$"documents.{documentId}"]);
        await audit.SaveAsync(cancellationToken);
        return TypedResults.File(found.Document.Content, found.Document.ContentType, found.Document.FileName);
    }

    /// <summary>The body, or null when it is longer than <paramref name="max"/> (not trusting Content-Length).</summary>
    private static async Task<byte[]?> ReadAtMostAsync(Stream body, long max, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > max)
            {
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }
}
