using System.IO.Compression;
using System.Security.Claims;
using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using PanelPlatform.Casework.Data;
using PanelPlatform.Casework.Domain;
using PanelPlatform.Casework.Security;
using PanelPlatform.ServiceDefaults.Auth;
using PanelPlatform.ServiceDefaults.Http;
using PanelPlatform.ServiceDefaults.Time;

namespace PanelPlatform.Casework.Endpoints;

/// <summary>
/// A subject access export: everything the office holds on a person, found by their email and/or phone number, as a
/// ZIP of JSON (one file per case, with its notes, pauses, review and document list) and the documents themselves.
/// The person's details travel in the request body, never in a URL or a log. Each case exported is an audited read.
/// </summary>
public static class SubjectAccessEndpoints
{
    public static RouteGroupBuilder MapSubjectAccessEndpoints(this RouteGroupBuilder casework)
    {
        casework.MapPost("/subject-access-exports", Export).RequireAuthorization(Roles.Caseworker);
        return casework;
    }

    public sealed record ExportRequest(string? Email, string? Phone);

    public sealed record ExportManifest(DateTimeOffset GeneratedAt, string GeneratedBy, string? Email, string? Phone, IReadOnlyList<string> Cases, string Contents);

    private static async Task<Results<FileContentHttpResult, ValidationProblem>> Export(
        ExportRequest request, CaseworkDbContext db, SubjectFingerprints fingerprints, AuditTrail audit, ClockPolicy clocks, TimeProvider time,
        IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions> json, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var validation = new Validation()
            .Text("email", request.Email, InputRules.EmailMax)
            .Text("phone", request.Phone, InputRules.PhoneMax)
            .Must(!string.IsNullOrWhiteSpace(request.Email) || !string.IsNullOrWhiteSpace(request.Phone), "email",
                "Give the person's email, phone, or both.");
        if (!validation.IsValid)
        {
            return validation.ToProblem();
        }

        // One fingerprint per configured key: cases written before a key rotation are found too.
        var emails = fingerprints.EmailCandidates(request.Email);
        var phones = fingerprints.PhoneCandidates(request.Phone);
        var cases = await db.Cases.AsNoTracking()
            .Where(c => (c.SubjectEmailFingerprint != null && emails.Contains(c.SubjectEmailFingerprint))
                || (c.SubjectPhoneFingerprint != null && phones.Contains(c.SubjectPhoneFingerprint)))
            .OrderBy(c => c.ReceivedAt)
            .ToListAsync(cancellationToken);

        var now = time.GetUtcNow();
        var options = new JsonSerializerOptions(json.Value.SerializerOptions) { WriteIndented = true };
        using var zip = new MemoryStream();
        using (var archive = new ZipArchive(zip, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var @case in cases)
            {
                var file = await CaseFiles.LoadAsync(db, @case, cancellationToken);
                var view = CaseViews.WithFile(CaseViews.Sealed(@case, clocks, UkTime.LondonDate(now)), file);
                await WriteAsync(archive, $"cases/{@case.Reference}.json", JsonSerializer.SerializeToUtf8Bytes(view, options), cancellationToken);
                var documents = await db.Documents.AsNoTracking().Where(d => d.CaseId == @case.Id && d.Content != null).ToListAsync(cancellationToken);
                foreach (var document in documents)
                {
                    await WriteAsync(archive, $"cases/{@case.Reference}/documents/{document.Id}-{SafeName(document.FileName)}", document.Content!, cancellationToken);
                }

                audit.Record(user, @case.Id, @case.Reference, "subject-access-export",
                    [.. file.PersonalFields(), .. documents.Select(d => $"documents.{d.Id}")]);
            }

            var manifest = new ExportManifest(UkTime.ToLondon(now), PersonalData.NameOf(user), request.Email?.Trim(), request.Phone?.Trim(),
                cases.Select(c => c.Reference).ToList(),
                cases.Count == 0
                    ? "No case held by the office matches these details."
                    : "One JSON file per case under cases/, with the documents held on it under cases/{reference}/documents/.");
            await WriteAsync(archive, "subject-access-export.json", JsonSerializer.SerializeToUtf8Bytes(manifest, options), cancellationToken);
        }

        await audit.SaveAsync(cancellationToken);
        return TypedResults.File(zip.ToArray(), "application/zip", $"subject-access-export-{UkTime.LondonDate(now):yyyy-MM-dd}.zip");
    }

    private static async Task WriteAsync(ZipArchive archive, string name, byte[] content, CancellationToken cancellationToken)
    {
        var entry = archive.CreateEntry(name, CompressionLevel.Optimal);
        await using var stream = await entry.OpenAsync(cancellationToken);
        await stream.WriteAsync(content, cancellationToken);
    }

    /// <summary>A file name safe inside a ZIP: no directories, no control characters.</summary>
    internal static string SafeName(string? name)
    {
        var cleaned = new string((name ?? "document").Select(c => char.IsControl(c) || c is '/' or '\\' or ':' ? '_' : c).ToArray()).Trim('.', ' ');
        return cleaned.Length == 0 ? "document" : cleaned.Length > 120 ? cleaned[..120] : cleaned;
    }
}
