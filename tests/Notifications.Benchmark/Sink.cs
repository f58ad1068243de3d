using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using StandardWebhooks;

namespace PanelPlatform.Notifications.Benchmark;

/// <summary>
/// The loopback webhook receiver every synthetic subscriber points at (<c>/hook/{subscriber number}</c>). Counts each
/// webhook-id and each subscriber, notes when each arrived, and checks one signature in a thousand.
/// </summary>
internal sealed class Sink : IAsyncDisposable
{
    private readonly WebApplication _app;
    private ConcurrentDictionary<string, int> _ids = new();
    private ConcurrentDictionary<int, int> _subscribers = new();
    private ConcurrentQueue<long> _arrivals = new();
    private int _requests;
    private int _badSignatures;

    private Sink(WebApplication app) => _app = app;

    public Uri BaseUrl { get; private set; } = null!;
    public int Distinct => _ids.Count;
    public int Requests => Volatile.Read(ref _requests);
    public int Duplicates => _ids.Values.Sum(c => c - 1);
    public int SubscribersReached => _subscribers.Count;
    public int SubscribersTwice => _subscribers.Values.Count(c => c > 1);
    public int BadSignatures => _badSignatures;
    public IReadOnlyCollection<string> Ids => (IReadOnlyCollection<string>)_ids.Keys;
    public long[] Arrivals => [.. _arrivals];

    public static async Task<Sink> StartAsync(string secret)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.WebHost.ConfigureKestrel(k => k.Limits.MaxConcurrentConnections = null);
        var app = builder.Build();
        var sink = new Sink(app);
        var verifier = new StandardWebhook(secret);
        app.MapPost("/hook/{n:int}", async (int n, HttpContext context) =>
        {
            var arrived = Stopwatch.GetTimestamp();
            var id = context.Request.Headers["webhook-id"].ToString();
            var count = Interlocked.Increment(ref sink._requests);
            if (count % 1000 == 0)
            {
                using var reader = new StreamReader(context.Request.Body);
                var body = await reader.ReadToEndAsync();
                var headers = new HeaderDictionary();
                foreach (var (key, value) in context.Request.Headers)
                {
                    headers[key] = value;
                }

                try
                {
                    verifier.Verify(body, headers);
                }
                catch (Exception)
                {
                    Interlocked.Increment(ref sink._badSignatures);
                }
            }

            if (sink._ids.AddOrUpdate(id, 1, (_, c) => c + 1) == 1)
            {
                sink._arrivals.Enqueue(arrived);
            }

            sink._subscribers.AddOrUpdate(n, 1, (_, c) => c + 1);
            return Results.NoContent();
        });
        await app.StartAsync();
        sink.BaseUrl = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
        return sink;
    }

    public void Reset()
    {
        _ids = new();
        _subscribers = new();
        _arrivals = new();
        Interlocked.Exchange(ref _requests, 0);
        Interlocked.Exchange(ref _badSignatures, 0);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
