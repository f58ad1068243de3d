using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Aspire.Hosting;
using Aspire.Hosting.Testing;
using PanelPlatform.TestInfrastructure;

namespace PanelPlatform.Platform.Tests;

public sealed record MailMessage(string Id, string To, string Subject, string Text, IReadOnlyDictionary<string, string> Headers)
{
    /// <summary>The first link in the text that starts with <paramref name="prefix"/>.</summary>
    public string Link(string prefix) =>
        Regex.Matches(Text, @"https?://\S+").Select(m => m.Value.TrimEnd('.', ',', ')', '>'))
            .FirstOrDefault(l => l.StartsWith(prefix, StringComparison.Ordinal))
        ?? throw new InvalidOperationException($"No link starting {prefix} in: {Text}");
}

/// <summary>The platform's development mail server (smtp4dev, the "mail" resource), read over its HTTP API.</summary>
public sealed partial class MailInbox(HttpClient api)
{
    public static MailInbox Of(PlatformApp platform) =>
        new(new HttpClient { BaseAddress = platform.App.GetEndpoint("mail", "http"), Timeout = TimeSpan.FromSeconds(30) });

    public async Task<IReadOnlyList<MailMessage>> ToAsync(string address)
    {
        var page = await api.GetFromJsonAsync<JsonElement>("/api/messages?pageSize=500");
        var messages = new List<MailMessage>();
        foreach (var summary in page.GetProperty("results").EnumerateArray()
                     .Where(m => m.GetProperty("to").EnumerateArray().Any(t => string.Equals(t.GetString(), address, StringComparison.OrdinalIgnoreCase))))
        {
            var id = summary.GetProperty("id").GetString()!;
            var full = await api.GetFromJsonAsync<JsonElement>($"/api/messages/{id}");
            var headers = full.GetProperty("headers").EnumerateArray()
                .GroupBy(h => h.GetProperty("name").GetString()!, StringComparer.OrdinalIgnoreCase)
                .ToDictionary(g => g.Key, g => g.First().GetProperty("value").GetString() ?? "", StringComparer.OrdinalIgnoreCase);
            var text = await api.GetStringAsync($"/api/messages/{id}/plaintext");
            messages.Add(new MailMessage(id, address, summary.GetProperty("subject").GetString() ?? "", text, headers));
        }

        return messages;
    }

    public async Task<MailMessage> WaitForAsync(string address, Func<MailMessage, bool> match, TimeSpan timeout)
    {
        MailMessage? found = null;
        await Eventually.Until(async () => (found = (await ToAsync(address)).FirstOrDefault(match)) is not null, timeout, $"an email to {address}");
        return found!;
    }
}
