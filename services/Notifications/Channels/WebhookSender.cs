using System.Net;
using System.Text;
using PanelPlatform.Notifications.Domain;
using StandardWebhooks;

namespace PanelPlatform.Notifications.Channels;

/// <summary>POSTs one payload, signed per Standard Webhooks (<c>webhook-id</c>, <c>webhook-timestamp</c>, <c>webhook-signature</c>).</summary>
public sealed class WebhookSender(IHttpClientFactory clients, TimeProvider time) : IChannelSender
{
    public const string HttpClientName = "webhooks";

    public Channel Channel => Channel.Webhook;

    public async Task<SendResult> SendAsync(OutgoingMessage message, CancellationToken cancellationToken)
    {
        var id = message.DeliveryId.ToString();
        var timestamp = time.GetUtcNow();
        using var request = new HttpRequestMessage(HttpMethod.Post, message.Address)
        {
            Content = new StringContent(message.Body, Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("webhook-id", id);
        request.Headers.Add("webhook-timestamp", timestamp.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture));
        request.Headers.Add("webhook-signature", new StandardWebhook(message.Secret!).Sign(id, timestamp, message.Body));

        try
        {
            using var response = await clients.CreateClient(HttpClientName).SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
            var status = (int)response.StatusCode;
            if (response.IsSuccessStatusCode)
            {
                return SendResult.DeliveredNow(status);
            }

            // 408 and 429 ask us to come back later; other 4xx refuse this notice for good; 5xx may recover.
            var permanent = status is >= 400 and < 500 and not 408 and not 429;
            return SendResult.Failure(status, $"HTTP {status} {response.ReasonPhrase}", permanent, addressGone: response.StatusCode == HttpStatusCode.Gone);
        }
        catch (HttpRequestException e)
        {
            return SendResult.Failure(null, e.Message, permanent: false);
        }
        catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return SendResult.Failure(null, "Timed out", permanent: false);
        }
    }
}
