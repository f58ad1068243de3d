using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using PanelPlatform.Casework.Data;
using PanelPlatform.Casework.Domain;
using PanelPlatform.Casework.Security;
using PanelPlatform.ServiceDefaults.Auth;

namespace PanelPlatform.Casework.Endpoints;

/// <summary>
/// Key rotation: after a new key is made active, rewrite every encrypted value (and every subject fingerprint) under it
/// so the old key can go.
/// </summary>
public static class AdminEndpoints
{
    private const int Batch = 100;

    /// <summary>Documents carry their content (up to 10 MB each): a few at a time keeps a rotation's memory bounded.</summary>
    private const int DocumentBatch = 4;

    public static RouteGroupBuilder MapAdminEndpoints(this RouteGroupBuilder casework)
    {
        casework.MapPost("/admin/re-encrypt", ReEncrypt).RequireAuthorization(Roles.Admin);
        return casework;
    }

    public sealed record ReEncrypted(string ActiveKeyId, int Cases, int Notes, int Documents, int Caseworkers);

    private static async Task<Ok<ReEncrypted>> ReEncrypt(CaseworkDbContext db, SubjectFingerprints fingerprints, CancellationToken cancellationToken) =>
        TypedResults.Ok(new ReEncrypted(
            db.Cipher.ActiveKeyId,
            await RewriteAsync(db, fingerprints, db.Cases, c => c.Id, Batch, cancellationToken),
            await RewriteAsync(db, fingerprints, db.Notes, n => n.Id, Batch, cancellationToken),
            await RewriteAsync(db, fingerprints, db.Documents, d => d.Id, DocumentBatch, cancellationToken),
            await RewriteAsync(db, fingerprints, db.Caseworkers, w => w.Id, Batch, cancellationToken)));

    /// <summary>Loads rows in batches and marks every encrypted column modified: saving writes it under the active key.</summary>
    private static async Task<int> RewriteAsync<T>(
        CaseworkDbContext db, SubjectFingerprints fingerprints, IQueryable<T> rows, System.Linq.Expressions.Expression<Func<T, Guid>> key, int size,
        CancellationToken cancellationToken)
        where T : class
    {
        var keyOf = key.Compile();
        var count = 0;
        Guid? after = null;
        while (true)
        {
            var query = rows;
            if (after is { } last)
            {
                var parameter = key.Parameters[0];
                var greater = System.Linq.Expressions.Expression.Lambda<Func<T, bool>>(
                    System.Linq.Expressions.Expression.GreaterThan(key.Body, System.Linq.Expressions.Expression.Constant(last)), parameter);
                query = query.Where(greater);
            }

            var batch = await query.OrderBy(key).Take(size).ToListAsync(cancellationToken);
            if (batch.Count == 0)
            {
                return count;
            }

            foreach (var entity in batch)
            {
                MarkEncrypted(db.Entry(entity));
                if (entity is Case @case)
                {
                    @case.RegisterSubject(@case.SubjectRecipientId, fingerprints.Email(@case.SubjectEmail), fingerprints.Phone(@case.SubjectPhone));
                    foreach (var pause in @case.Pauses)
                    {
                        MarkEncrypted(db.Entry(pause));
                    }
                }
            }

            await db.SaveChangesAsync(cancellationToken);
            db.ChangeTracker.Clear();
            count += batch.Count;
            after = keyOf(batch[^1]);
        }
    }

    private static void MarkEncrypted(Microsoft.EntityFrameworkCore.ChangeTracking.EntityEntry entry)
    {
        foreach (var property in entry.Properties)
        {
            var converter = property.Metadata.GetValueConverter();
            if (converter is not null && converter.ModelClrType == converter.ProviderClrType && property.CurrentValue is not null)
            {
                property.IsModified = true;
            }
        }
    }
}
