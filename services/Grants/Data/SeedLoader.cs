using System.Reflection;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using PanelPlatform.Grants.Domain;

namespace PanelPlatform.Grants.Data;

/// <summary>
/// Loads the schemes and rounds of <c>Data/Seed/grants-seed.json</c> (from the Panel's 17 November 2022 pack). Idempotent:
/// a scheme or round already present (by slug or id) is left as it is. Rounds in the past are loaded as history,
/// so no opened/closing/closed events are raised for them.
/// </summary>
public sealed class SeedLoader(GrantsDbContext db, TimeProvider time)
{
    public sealed record SeedCriterion(string Key, string Name, int Weight);

    public sealed record SeedCondition(string Text, string? RequiresApprovalBy);

    public sealed record SeedRound(
        Guid Id, string Name, DateTimeOffset OpensAt, DateTimeOffset ClosesAt, decimal Budget, decimal MinimumAward, decimal MaximumAward,
        IReadOnlyList<string> Areas, bool OpenCall, IReadOnlyList<SeedCriterion> Criteria, IReadOnlyList<SeedCondition> StandardConditions, string? Note);

    public sealed record SeedScheme(
        string Slug, string Name, string Purpose, string FunderName, string FunderIdentifier,
        IReadOnlyList<OrganisationType> EligibleOrganisationTypes, IReadOnlyList<string> Priorities, IReadOnlyList<SeedRound> Rounds, string? Source);

    public sealed record SeedFile(IReadOnlyList<SeedScheme> Schemes);

    public sealed record Result(int SchemesAdded, int RoundsAdded);

    public static SeedFile Read()
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("PanelPlatform.Grants.Data.Seed.grants-seed.json")
            ?? throw new InvalidOperationException("The seed fixture is not embedded.");
        var options = Microsoft.Extensions.Hosting.ServiceDefaultsExtensions.ConfigureJson(new JsonSerializerOptions(JsonSerializerDefaults.Web));
        return JsonSerializer.Deserialize<SeedFile>(stream, options) ?? throw new InvalidOperationException("The seed fixture is empty.");
    }

    public async Task<Result> LoadAsync(CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow();
        var seed = Read();
        int schemes = 0, rounds = 0;
        foreach (var s in seed.Schemes)
        {
            if (!await db.Schemes.AnyAsync(x => x.Slug == s.Slug, cancellationToken))
            {
                db.Schemes.Add(Scheme.Create(s.Slug, s.Name, s.Purpose, s.FunderName, s.FunderIdentifier, s.EligibleOrganisationTypes, s.Priorities, now));
                schemes++;
            }

            foreach (var r in s.Rounds)
            {
                if (await db.Rounds.AnyAsync(x => x.Id == r.Id, cancellationToken))
                {
                    continue;
                }

                var round = GrantRound.Create(r.Id, s.Slug, r.Name, r.OpensAt, r.ClosesAt, r.Budget, r.MinimumAward, r.MaximumAward, r.Areas,
                    r.OpenCall, r.Criteria.Select(c => new AssessmentCriterion(c.Key, c.Name, c.Weight)),
                    r.StandardConditions.Select(c => new StandardCondition(c.Text, c.RequiresApprovalBy)), now);
                round.MarkPastAsAnnounced(now);
                db.Rounds.Add(round);
                rounds++;
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        return new Result(schemes, rounds);
    }
}
