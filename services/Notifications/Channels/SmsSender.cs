using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Options;
using PanelPlatform.Notifications.Domain;

namespace PanelPlatform.Notifications.Channels;

/// <summary>
/// Texts through GOV.UK Notify's REST API: <c>POST /v2/notifications/sms</c> with a bearer JWT (HS256, <c>iss</c> = the
/// service id, <c>iat</c> = now) made from the API key. The delivery id is the <c>reference</c>; Notify's notification id
/// is kept as the provider id, which its delivery receipt names.
/// </summary>
public sealed partial class SmsSender(IHttpClientFactory clients, IOptions<SmsOptions> options, TimeProvider time, ILogger<SmsSender> logger) : IChannelSender
{
    public const string HttpClientName = "notify";
    public const int MaxLength = 612; // four text fragments

    private readonly SmsOptions _options = options.Value;

    public Channel Channel => Channel.Sms;

    public async Task<SendResult> SendAsync(OutgoingMessage message, CancellationToken cancellationToken)
    {
        if (NotifyKey.TryParse(_options.ApiKey) is not { } key)
        {
            // Our configuration, not the subscriber's number: wait and retry rather than blame the address.
            return SendResult.Failure(null, "No GOV.UK Notify API key is configured (Notifications:Sms:ApiKey).", permanent: false);
        }

        var body = message.Body.Length <= MaxLength ? message.Body : message.Body[..(MaxLength - 1)] + "…";
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(_options.BaseUrl, "/v2/notifications/sms"))
        {
            Content = JsonContent.Create(new
            {
                phone_number = message.Address,
                template_id = _options.TemplateId,
                personalisation = new { body },
                reference = message.DeliveryId.ToString(),
            }),
        };
        request.Headers.Authorization = new("Bearer", key.Token(time.GetUtcNow()));
        try
        {
            using var response = await clients.CreateClient(HttpClientName).SendAsync(request, cancellationToken);
            var status = (int)response.StatusCode;
            var text = await response.Content.ReadAsStringAsync(cancellationToken);
            if (response.StatusCode == HttpStatusCode.Created)
            {
                using var created = JsonDocument.Parse(text);
                return SendResult.SentNow(created.RootElement.GetProperty("id").GetString(), status);
            }

            var error = $"Notify {status}: {Errors(text)}";
            if (status is 401 or 403)
            {
                LogRefused(logger, status, error);
                return SendResult.Failure(status, error, permanent: false);
            }

            // 400 is Notify's word on this message (most often "phone_number Not a UK mobile number"); 429 and 5xx pass.
            var permanent = status == 400;
            var addressGone = permanent && text.Contains("phone_number", StringComparison.OrdinalIgnoreCase);
            return SendResult.Failure(status, error, permanent, addressGone);
        }
        catch (HttpRequestException e)
        {
            return SendResult.Failure(null, e.Message, permanent: false);
        }
        catch (JsonException e)
        {
            return SendResult.Failure(null, $"Notify answered with something other than JSON: {e.Message}", permanent: false);
        }
    }

    /// <summary>Notify's <c>errors</c> array as one line (shared with <see cref="NotifyEmailSender"/>).</summary>
    internal static string Errors(string body)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            if (document.RootElement.TryGetProperty("errors", out var errors) && errors.ValueKind == JsonValueKind.Array)
            {
                return string.Join("; ", errors.EnumerateArray().Select(e => $"{e.GetProperty("error").GetString()}: {e.GetProperty("message").GetString()}"));
            }
        }
        catch (JsonException)
        {
        }

        return body.Length <= 300 ? body : body[..300];
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "GOV.UK Notify refused our credentials ({Status}): {Error}; texts wait and retry")]
    private static partial void LogRefused(ILogger logger, int status, string error);
}

/// <summary>A Notify API key, <c>{key name}-{service id}-{secret key}</c>, and the JWT it signs.</summary>
public sealed record NotifyKey(string ServiceId, string Secret)
{
    public static NotifyKey? TryParse(string? apiKey)
    {
        if (apiKey is null || apiKey.Length < 74 || !Guid.TryParse(apiKey[^36..], out _) || !Guid.TryParse(apiKey[^73..^37], out _))
        {
            return null;
        }

        return new NotifyKey(apiKey[^73..^37], apiKey[^36..]);
    }

    public string Token(DateTimeOffset now)
    {
        var header = Base64Url("""{"typ":"JWT","alg":"HS256"}"""u8);
        var claims = Base64Url(JsonSerializer.SerializeToUtf8Bytes(new { iss = ServiceId, iat = now.ToUnixTimeSeconds() }));
        var signature = Base64Url(HMACSHA256.HashData(Encoding.UTF8.GetBytes(Secret), Encoding.ASCII.GetBytes($"{header}.{claims}")));
        return $"{header}.{claims}.{signature}";
    }

    private static string Base64Url(ReadOnlySpan<byte> bytes) => System.Buffers.Text.Base64Url.EncodeToString(bytes);
}
