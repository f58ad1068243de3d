using System.Security.Claims;
using PanelPlatform.Casework.Data;
using PanelPlatform.Casework.Domain;

namespace PanelPlatform.Casework.Security;

/// <summary>
/// Writes a <see cref="PersonalDataRead"/> for each case whose personal data a response carries. The row is saved
/// before the response is sent: if it cannot be written, the data is not served.
/// </summary>
public sealed class AuditTrail(CaseworkDbContext db, TimeProvider time)
{
    public void Record(ClaimsPrincipal reader, Guid caseId, string reference, string purpose, IReadOnlyCollection<string> fields)
    {
        if (fields.Count == 0)
        {
            return;
        }

        db.PersonalDataReads.Add(PersonalDataRead.Record(
            PersonalData.SubjectOf(reader), PersonalData.NameOf(reader), caseId, reference, purpose, fields, time.GetUtcNow()));
    }

    public Task SaveAsync(CancellationToken cancellationToken) => db.SaveChangesAsync(cancellationToken);
}
