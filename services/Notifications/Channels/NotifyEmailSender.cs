using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.Options;
using PanelPlatform.Notifications.Domain;

namespace PanelPlatform.Notifications.Channels;

/// <summary>
/// Email through GOV.UK Notify's REST API (<c>Notifications:Email:Provider = Notify</c>; SMTP stays for local
/// development): <c>POST /v2/notifications/email</c> with the same API key and JWT as texts, a template whose subject
/// and body are <c>((subject))</c> and <c>((body))</c>, the delivery id as <c>reference</c>, and our one-click
/// unsubscribe URL as <c>one_click_unsubscribe_url</c>, from which Notify writes the RFC 8058 headers.
/// </summary>
public sealed partial class NotifyEmailSender(
    IHttpClientFactory clients, IOptions<EmailOptions> email, IOptions<SmsOptions> notify, TimeProvider time, ILogger<NotifyEmailSender> logger) : IChannelSender
{
    private readonly EmailOptions _email = email.Value;
    private readonly SmsOptions _notify = notify.Value;

    public Channel Channel => Channel.Email;

    public async Task<SendResult> SendAsync(OutgoingMessage message, CancellationToken cancellationToken)
    {
        if (NotifyKey.TryParse(_notify.ApiKey) is not { } key || string.IsNullOrEmpty(_email.NotifyTemplateId))
        {
            // Our configuration, not the subscriber's address: wait and retry rather than blame the address.
            return SendResult.Failure(null, "GOV.UK Notify email needs Notifications:Sms:ApiKey and Notifications:Email:NotifyTemplateId.", permanent: false);
        }

        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(_notify.BaseUrl, "/v2/notifications/email"))
        {
            Content = JsonContent.Create(new
            {
                email_address = message.Address,
                template_id = _email.NotifyTemplateId,
                personalisation = new { subject = message.Subject, body = message.Body },
                reference = message.DeliveryId.ToString(),
                one_click_unsubscribe_url = message.Unsubscribe?.ToString(),
            }),
        };
        request.Headers.Authorization = new("Bearer", key.Token(time.GetUtcNow()));
        try
        {
            using var response = await clients.CreateClient(SmsSender.HttpClientName).SendAsync(request, cancellationToken);
            var status = (int)response.StatusCode;
            var text = await response.Content.ReadAsStringAsync(cancellationToken);
            if (response.StatusCode == HttpStatusCode.Created)
            {
                using var created = JsonDocument.Parse(text);
                return SendResult.SentNow(created.RootElement.GetProperty("id").GetString(), status);
            }

            var error = $"Notify {status}: {SmsSender.Errors(text)}";
            if (status is 401 or 403)
            {
                LogRefused(logger, status, error);
                return SendResult.Failure(status, error, permanent: false);
            }

            // 400 is Notify's word on this message ("email_address Not a valid email address"); 429 and 5xx pass.
            var permanent = status == 400;
            var addressGone = permanent && text.Contains("email_address", StringComparison.OrdinalIgnoreCase);
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

    [LoggerMessage(Level = LogLevel.Error, Message = "GOV.UK Notify refused our credentials ({Status}): {Error}; emails wait and retry")]
    private static partial void LogRefused(ILogger logger, int status, string error);
}
