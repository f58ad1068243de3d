using Microsoft.EntityFrameworkCore;

namespace PanelPlatform.Casework.Data;

public static class CaseReferences
{
    /// <summary>
    /// The next reference for <paramref name="year"/>. Must run inside the transaction that stores the case: the
    /// counter row stays locked until it commits, so two cases never get one number, and a rollback returns the number
    /// unused rather than leaving a gap. Numbers are never handed out twice (cases are never deleted).
    /// </summary>
    public static async Task<string> NextAsync(CaseworkDbContext db, int year, CancellationToken cancellationToken)
    {
        var numbers = await db.Database.SqlQuery<int>($"""
            INSERT INTO reference_counters (year, last_number) VALUES ({year}, 1)
            ON CONFLICT (year) DO UPDATE SET last_number = reference_counters.last_number + 1
            RETURNING last_number AS "Value"
            """).ToListAsync(cancellationToken);
        return Format(year, numbers.Single());
    }

    public static string Format(int year, int number) =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"OPCC-{year}-{number:000000}");
}
