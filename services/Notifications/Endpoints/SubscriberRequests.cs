using PanelPlatform.Notifications.Domain;
using PanelPlatform.ServiceDefaults.Http;

namespace PanelPlatform.Notifications.Endpoints;

/// <summary>Validation of places, groups and topics, shared by sign-up, preferences, webhooks and alerts.</summary>
public static class SubscriberRequests
{
    public const int MaxListLength = 100;

    public static List<string> Areas(IEnumerable<string?>? given, Validation validation, string field = "areas") =>
        Canonical(given, Domain.Areas.Canonical, validation, field, $"is not an area. Areas: {string.Join(", ", Domain.Areas.All)}.");

    public static List<string> Wards(IEnumerable<string?>? given, Validation validation, string field = "wards") =>
        Canonical(given, Domain.Wards.Canonical, validation, field,
            "is not a ward: write it Area/Ward, e.g. 'Erewash/Long Eaton Central', with one of our areas.");

    public static List<string> Groups(IEnumerable<string?>? given, Validation validation, string field = "groups") =>
        Canonical(given, g => g.Length <= 100 ? Domain.Groups.Canonical(g) : null, validation, field,
            $"is not a group. Groups: {string.Join(", ", Domain.Groups.Schemes)}, or neighbourhood-watch/<scheme>.");

    /// <summary>Topics with the channels chosen for each; every channel must be one the subscriber gave an address for.</summary>
    public static Dictionary<string, Channel[]> TopicChannels(
        IReadOnlyDictionary<string, Channel[]?>? given, IReadOnlySet<Channel> available, Validation validation)
    {
        var result = new Dictionary<string, Channel[]>(StringComparer.Ordinal);
        if (given is null || given.Count == 0)
        {
            validation.Add("topics", "topics must name at least one topic, with the channels wanted for it (e.g. {\"crime-prevention\": [\"email\"]}).");
            return result;
        }

        foreach (var (topic, channels) in given)
        {
            if (!Topics.All.Contains(topic))
            {
                validation.Add("topics", $"'{topic}' is not a topic. Topics: {string.Join(", ", Topics.All)}.");
                continue;
            }

            if (channels is null || channels.Length == 0)
            {
                validation.Add("topics", $"'{topic}' needs at least one channel.");
                continue;
            }

            foreach (var missing in channels.Where(c => !available.Contains(c)).Distinct())
            {
                validation.Add("topics", $"'{topic}' asks for {missing.Token()}, but no {missing.Token()} address was given.");
            }

            result[topic] = channels.Distinct().ToArray();
        }

        return result;
    }

    private static List<string> Canonical(
        IEnumerable<string?>? given, Func<string, string?> canonical, Validation validation, string field, string why)
    {
        var list = given?.ToList() ?? [];
        if (list.Count > MaxListLength)
        {
            validation.Add(field, $"{field} may list at most {MaxListLength}.");
            return [];
        }

        var result = new List<string>();
        foreach (var value in list)
        {
            if (value is not null && canonical(value) is { } found)
            {
                result.Add(found);
            }
            else
            {
                validation.Add(field, $"'{value}' {why}");
            }
        }

        return result.Distinct(StringComparer.Ordinal).ToList();
    }
}
