using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace PanelPlatform.TestInfrastructure;

/// <summary>
/// What the broker's management API says right now: resource alarms, every queue holding messages or named, and the
/// channels with publishes awaiting a confirm or deliveries awaiting an ack, one line each. For a failure's message
/// when messages stop moving, so it tells a full queue with a stalled consumer from a publisher the broker holds back.
/// </summary>
internal static class BrokerState
{
    public static async Task<string> DescribeAsync(Uri management, string username, string password, string? queue)
    {
        using var http = new HttpClient { BaseAddress = management, Timeout = TimeSpan.FromSeconds(10) };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue(
            "Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{username}:{password}")));
        var text = new StringBuilder();
        try
        {
            foreach (var node in await GetAsync(http, "api/nodes?columns=name,mem_used,mem_limit,mem_alarm,disk_free,disk_free_alarm"))
            {
                text.Append(CultureInfo.InvariantCulture,
                    $"node: mem {Megabytes(node, "mem_used")}/{Megabytes(node, "mem_limit")} MB alarm {Value(node, "mem_alarm")}, " +
                    $"disk free {Megabytes(node, "disk_free")} MB alarm {Value(node, "disk_free_alarm")}\n");
            }

            var queues = (await GetAsync(http, "api/queues?columns=name,messages_ready,messages_unacknowledged,consumers,state"))
                .Where(q => Value(q, "name") == queue || Number(q, "messages_ready") + Number(q, "messages_unacknowledged") > 0)
                // The queue asked about first: CI cuts a long line short.
                .OrderBy(q => Value(q, "name") == queue ? 0 : 1)
                .Select(q => $"{Value(q, "name")} ready {Value(q, "messages_ready")} unacked {Value(q, "messages_unacknowledged")} " +
                             $"consumers {Value(q, "consumers")} {Value(q, "state")}")
                .ToList();
            if (queue is not null && !queues.Any(q => q.StartsWith(queue + " ", StringComparison.Ordinal)))
            {
                queues.Insert(0, $"{queue} absent");
            }

            text.Append(CultureInfo.InvariantCulture, $"queues: {(queues.Count == 0 ? "none holding messages" : string.Join(", ", queues))}\n");

            var connections = await GetAsync(http, "api/connections?columns=name,state");
            var states = connections.GroupBy(c => Value(c, "state")).Select(g => $"{g.Key} {g.Count()}");
            text.Append(CultureInfo.InvariantCulture, $"connections: {connections.Count} ({string.Join(", ", states)})\n");

            var busy = (await GetAsync(http, "api/channels?columns=name,state,messages_unconfirmed,messages_unacknowledged,prefetch_count"))
                .Where(c => Number(c, "messages_unconfirmed") + Number(c, "messages_unacknowledged") > 0 || Value(c, "state") != "running")
                .Select(c => $"{Value(c, "name")} {Value(c, "state")} unconfirmed {Value(c, "messages_unconfirmed")} " +
                             $"unacked {Value(c, "messages_unacknowledged")}/{Value(c, "prefetch_count")}")
                .ToList();
            text.Append(CultureInfo.InvariantCulture, $"channels busy or not running: {(busy.Count == 0 ? "none" : string.Join(", ", busy))}");
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException or JsonException)
        {
            text.Append(CultureInfo.InvariantCulture, $"(management API at {management}: {e.Message})");
        }

        return text.ToString();
    }

    private static async Task<List<JsonElement>> GetAsync(HttpClient http, string path)
    {
        using var response = await http.GetAsync(path);
        response.EnsureSuccessStatusCode();
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return document.RootElement.EnumerateArray().Select(e => e.Clone()).ToList();
    }

    private static string Value(JsonElement element, string name) =>
        !element.TryGetProperty(name, out var value) ? "?" : value.ValueKind == JsonValueKind.String ? value.GetString()! : value.GetRawText();

    private static long Number(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number ? value.GetInt64() : 0;

    private static string Megabytes(JsonElement element, string name) =>
        (Number(element, name) / 1_000_000).ToString(CultureInfo.InvariantCulture);
}
