using Microsoft.EntityFrameworkCore;
using PanelPlatform.Contracts.Grants;
using PanelPlatform.Grants.Data;
using PanelPlatform.Grants.Domain;
using PanelPlatform.ServiceDefaults.Messaging;
using PanelPlatform.ServiceDefaults.Time;

namespace PanelPlatform.Grants.Endpoints;

/// <summary>Turns a round's due announcements into outbox events (the caller saves them with the round's flags).</summary>
public static class RoundEvents
{
    public static async Task RaiseAsync(
        GrantsDbContext db, GrantRound round, Scheme scheme, IReadOnlyList<RoundAnnouncement> announcements, DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        // Events say "the whole county" with an empty list.
        IReadOnlyList<string> areas = round.IsWholeCounty ? [] : round.Areas;
        foreach (var announcement in announcements)
        {
            switch (announcement)
            {
                case RoundAnnouncement.Opened:
                    db.AddIntegrationEvent(new GrantRoundOpened(
                        round.Id, scheme.Slug, scheme.Name, round.Name, UkTime.ToLondon(round.OpensAt), UkTime.ToLondon(round.ClosesAt),
                        round.Budget, round.MinimumAward, round.MaximumAward, areas,
                        scheme.EligibleOrganisationTypes.Select(t => t.Code()).ToList(), now));
                    break;
                case RoundAnnouncement.ClosingSoon:
                    db.AddIntegrationEvent(new GrantRoundClosingSoon(
                        round.Id, scheme.Name, round.Name, UkTime.ToLondon(round.ClosesAt), areas, now));
                    break;
                case RoundAnnouncement.Closed:
                    var received = await db.Applications.CountAsync(a => a.RoundId == round.Id && a.SubmittedAt != null, cancellationToken);
                    db.AddIntegrationEvent(new GrantRoundClosed(
                        round.Id, scheme.Name, round.Name, UkTime.ToLondon(round.ClosesAt), received, now));
                    break;
            }
        }
    }
}
