using System.Collections.Concurrent;
using System.Net;
using System.Threading.Channels;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using StandardWebhooks;

namespace PanelPlatform.TestInfrastructure;

public sealed record ReceivedWebhook(string Id, string Timestamp, string Signature, string Body, DateTimeOffset ReceivedAt, HeaderDictionary Headers)
{
    /// <summary>Verifies the Standard Webhooks signature with the published library; throws if it does not match.</summary>
    public void Verify(string secret) => new StandardWebhook(secret).Verify(Body, Headers);
}

/// <summary>
/// A webhook receiver on a real loopback port (Kestrel), as a subscriber's endpoint would be. Records every POST;
/// answers with the queued status codes first (to exercise retries), then 204.
/// </summary>
public sealed class WebhookListener : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly Channel<ReceivedWebhook> _received = Channel.CreateUnbounded<ReceivedWebhook>();
    private readonly ConcurrentQueue<HttpStatusCode> _responses = new();
    private readonly ConcurrentBag<ReceivedWebhook> _all = [];

    private WebhookListener(WebApplication app) => _app = app;

    public Uri Url { get; private set; } = null!;
    public IReadOnlyCollection<ReceivedWebhook> All => _all;

    public static async Task<WebhookListener> StartAsync(string path = "/hooks/panel")
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var listener = new WebhookListener(app);
        app.MapPost(path, async (HttpContext context) =>
        {
            using var reader = new StreamReader(context.Request.Body);
            var body = await reader.ReadToEndAsync();
            var headers = new HeaderDictionary();
            foreach (var (key, value) in context.Request.Headers)
            {
                headers[key] = value;
            }

            var received = new ReceivedWebhook(
                context.Request.Headers["webhook-id"].ToString(),
                context.Request.Headers["webhook-timestamp"].ToString(),
                context.Request.Headers["webhook-signature"].ToString(),
                body, DateTimeOffset.UtcNow, headers);
            var status = listener._responses.TryDequeue(out var queued) ? queued : HttpStatusCode.NoContent;
            listener._all.Add(received);
            if ((int)status < 300)
            {
                await listener._received.Writer.WriteAsync(received);
            }

            return Results.StatusCode((int)status);
        });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        listener.Url = new Uri(new Uri(address), path);
        return listener;
    }

    /// <summary>The next requests are answered with these codes, in order.</summary>
    public void RespondWith(params HttpStatusCode[] statuses)
    {
        foreach (var status in statuses)
        {
            _responses.Enqueue(status);
        }
    }

    /// <summary>The next accepted (2xx) webhook, or a timeout.</summary>
    public async Task<ReceivedWebhook> NextAsync(TimeSpan timeout)
    {
        using var cancellation = new CancellationTokenSource(timeout);
        try
        {
            return await _received.Reader.ReadAsync(cancellation.Token);
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException($"No webhook arrived at {Url} within {timeout.TotalSeconds}s ({_all.Count} attempts seen).");
        }
    }

    /// <summary>True if another accepted webhook arrives within <paramref name="wait"/>.</summary>
    public async Task<bool> AnyMoreAsync(TimeSpan wait)
    {
        using var cancellation = new CancellationTokenSource(wait);
        try
        {
            await _received.Reader.WaitToReadAsync(cancellation.Token);
            return _received.Reader.Count > 0;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
