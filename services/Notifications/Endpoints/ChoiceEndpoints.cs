using Microsoft.AspNetCore.Http.HttpResults;
using PanelPlatform.Notifications.Domain;

namespace PanelPlatform.Notifications.Endpoints;

/// <summary>
/// What a resident may choose from when signing up or changing their preferences (the areas, groups, topics, channels
/// and frequencies the sign-up accepts), so a form offers exactly what the service takes. Public, and the same for all.
/// </summary>
public static class ChoiceEndpoints
{
    public static IEndpointRouteBuilder MapChoiceEndpoints(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/api/notifications/choices", Get).WithTags("Subscribers");
        return routes;
    }

    public sealed record Named(string Slug, string Name);

    public sealed record TopicChoice(string Slug, string Name, string Description);

    /// <param name="Areas">Canonical area names, as sign-up takes them.</param>
    /// <param name="Groups">The county-wide schemes; a Neighbourhood Watch scheme is <c>{NeighbourhoodWatchPrefix}{scheme-slug}</c>.</param>
    /// <param name="Channels">The channels a resident can ask for by topic (webhooks are for systems: see subscriptions).</param>
    public sealed record Choices(
        IReadOnlyList<string> Areas, IReadOnlyList<Named> Groups, string NeighbourhoodWatchPrefix, IReadOnlyList<TopicChoice> Topics,
        IReadOnlyList<Named> Channels, IReadOnlyList<Named> Frequencies);

    private static readonly Choices Everything = new(
        Domain.Areas.All,
        [.. Domain.Groups.Named.Select(g => new Named(g.Slug, g.Name))],
        Domain.Groups.NeighbourhoodWatchPrefix,
        [.. Domain.Topics.Described.Select(t => new TopicChoice(t.Slug, t.Name, t.Description))],
        [new(Channel.Email.Token(), "Email"), new(Channel.Sms.Token(), "Text message")],
        [new("immediate", "As it happens"), new("daily-digest", "Once a day (one email with the day's alerts; texts still come as they happen)")]);

    private static Ok<Choices> Get(HttpContext http)
    {
        http.Response.Headers.CacheControl = "public, max-age=3600";
        return TypedResults.Ok(Everything);
    }
}
