using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace PanelPlatform.Notifications.Tests;

public sealed record ReceivedText(string Id, string PhoneNumber, string Body, string Reference, string TemplateId);

public sealed record ReceivedNotifyEmail(
    string Id, string EmailAddress, string Subject, string Body, string Reference, string TemplateId, string? OneClickUnsubscribeUrl);

/// <summary>
/// A loopback server that speaks the part of the GOV.UK Notify API we use: <c>POST /v2/notifications/sms</c> (and
/// <c>/email</c>, where <see cref="Invalid"/> holds addresses Notify calls invalid) with a
/// bearer JWT (HS256 over the API key's secret, <c>iss</c> = service id), answering 201 with the notification id, 400
/// ValidationError for numbers in <see cref="Invalid"/>, 403 for a bad token, 500 for <see cref="FailNext"/>.
/// </summary>
public sealed class NotifyFake : IAsyncDisposable
{
    public static readonly string ServiceId = "26785a09-ab16-4eb0-8407-a37497a57506";
    public static readonly string Secret = "3d844edf-8d35-48ac-975b-e847b4f122b0";
    public static readonly string ApiKey = $"panel_test-{ServiceId}-{Secret}";
    public const string TemplateId = "f33517ff-2a88-4f6e-b855-c550268ce08a";
    public const string EmailTemplateId = "0b6e8a6c-4b0a-4b8f-9d2e-5c3f1a2b7e10";

    private readonly WebApplication _app;
    private readonly ConcurrentQueue<ReceivedText> _texts = new();
    private readonly ConcurrentQueue<ReceivedNotifyEmail> _emails = new();
    private int _failNext;

    private NotifyFake(WebApplication app) => _app = app;

    public Uri BaseUrl { get; private set; } = null!;
    public ConcurrentDictionary<string, bool> Invalid { get; } = new();
    public IReadOnlyCollection<ReceivedText> Texts => _texts;
    public IReadOnlyCollection<ReceivedNotifyEmail> Emails => _emails;
    public int Attempts;

    public void FailNext(int count) => Interlocked.Exchange(ref _failNext, count);

    public static async Task<NotifyFake> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var fake = new NotifyFake(app);
        app.MapPost("/v2/notifications/sms", async (HttpContext context) =>
        {
            Interlocked.Increment(ref fake.Attempts);
            if (!ValidToken(context.Request.Headers.Authorization.ToString()))
            {
                return Results.Json(new { status_code = 403, errors = new[] { new { error = "AuthError", message = "Invalid token: signature" } } }, statusCode: 403);
            }

            using var body = await JsonDocument.ParseAsync(context.Request.Body);
            var root = body.RootElement;
            var phone = root.GetProperty("phone_number").GetString()!;
            if (Interlocked.Decrement(ref fake._failNext) >= 0)
            {
                return Results.Json(new { status_code = 500, errors = new[] { new { error = "Exception", message = "Internal server error" } } }, statusCode: 500);
            }

            if (fake.Invalid.ContainsKey(phone))
            {
                return Results.Json(new { status_code = 400, errors = new[] { new { error = "ValidationError", message = "phone_number Not a UK mobile number" } } }, statusCode: 400);
            }

            var id = Guid.NewGuid().ToString();
            var text = root.GetProperty("personalisation").GetProperty("body").GetString()!;
            fake._texts.Enqueue(new ReceivedText(id, phone, text, root.GetProperty("reference").GetString()!, root.GetProperty("template_id").GetString()!));
            return Results.Json(new
            {
                id,
                reference = root.GetProperty("reference").GetString(),
                content = new { body = text, from_number = "GOVUK" },
                uri = $"https://api.notifications.service.gov.uk/v2/notifications/{id}",
                template = new { id = TemplateId, version = 1, uri = "" },
            }, statusCode: 201);
        });
        app.MapPost("/v2/notifications/email", async (HttpContext context) =>
        {
            Interlocked.Increment(ref fake.Attempts);
            if (!ValidToken(context.Request.Headers.Authorization.ToString()))
            {
                return Results.Json(new { status_code = 403, errors = new[] { new { error = "AuthError", message = "Invalid token: signature" } } }, statusCode: 403);
            }

            using var body = await JsonDocument.ParseAsync(context.Request.Body);
            var root = body.RootElement;
            var address = root.GetProperty("email_address").GetString()!;
            if (fake.Invalid.ContainsKey(address))
            {
                return Results.Json(new { status_code = 400, errors = new[] { new { error = "ValidationError", message = "email_address Not a valid email address" } } }, statusCode: 400);
            }

            var id = Guid.NewGuid().ToString();
            var personalisation = root.GetProperty("personalisation");
            var unsubscribe = root.TryGetProperty("one_click_unsubscribe_url", out var url) && url.ValueKind == JsonValueKind.String ? url.GetString() : null;
            fake._emails.Enqueue(new ReceivedNotifyEmail(id, address, personalisation.GetProperty("subject").GetString()!,
                personalisation.GetProperty("body").GetString()!, root.GetProperty("reference").GetString()!, root.GetProperty("template_id").GetString()!, unsubscribe));
            return Results.Json(new
            {
                id,
                reference = root.GetProperty("reference").GetString(),
                content = new { subject = personalisation.GetProperty("subject").GetString(), body = personalisation.GetProperty("body").GetString(), from_email = "derbyshire.alert@notifications.service.gov.uk" },
                uri = $"https://api.notifications.service.gov.uk/v2/notifications/{id}",
                template = new { id = EmailTemplateId, version = 1, uri = "" },
            }, statusCode: 201);
        });
        await app.StartAsync();
        fake.BaseUrl = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
        return fake;
    }

    private static bool ValidToken(string authorization)
    {
        if (!authorization.StartsWith("Bearer ", StringComparison.Ordinal))
        {
            return false;
        }

        var parts = authorization["Bearer ".Length..].Split('.');
        if (parts.Length != 3)
        {
            return false;
        }

        var expected = System.Buffers.Text.Base64Url.EncodeToString(
            HMACSHA256.HashData(Encoding.UTF8.GetBytes(Secret), Encoding.ASCII.GetBytes($"{parts[0]}.{parts[1]}")));
        if (expected != parts[2])
        {
            return false;
        }

        using var claims = JsonDocument.Parse(System.Buffers.Text.Base64Url.DecodeFromChars(parts[1]));
        var iat = DateTimeOffset.FromUnixTimeSeconds(claims.RootElement.GetProperty("iat").GetInt64());
        // Notify refuses tokens more than 30 seconds from its clock.
        return claims.RootElement.GetProperty("iss").GetString() == ServiceId && (DateTimeOffset.UtcNow - iat).Duration() < TimeSpan.FromSeconds(30);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
