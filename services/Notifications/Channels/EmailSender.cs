using System.Collections.Concurrent;
using System.Diagnostics;
using MailKit;
using MailKit.Net.Smtp;
using Microsoft.Extensions.Options;
using MimeKit;
using PanelPlatform.Notifications.Domain;

namespace PanelPlatform.Notifications.Channels;

/// <summary>
/// Email over SMTP with MailKit. Connections are kept open and reused (up to <see cref="EmailOptions.MaxConnections"/>);
/// one that fails is dropped. Servers hang up on a quiet connection without a word (smtp4dev after 30 s, Postfix after
/// 300 s), so one kept past <see cref="EmailOptions.MaxIdle"/> is closed by us first, and one quiet for more than a
/// moment answers a NOOP before a message goes over it. Every message carries RFC 8058 one-click unsubscribe headers
/// and a Message-ID made from the delivery id, so a resend after a crash is recognisably the same message.
/// </summary>
public sealed partial class EmailSender(IOptions<EmailOptions> options, ILogger<EmailSender> logger) : IChannelSender, IAsyncDisposable
{
    private readonly EmailOptions _options = options.Value;
    /// <summary>Quiet this long, a kept connection is checked with a NOOP before use; in a burst of sends it is not.</summary>
    private static readonly TimeSpan CheckAfter = TimeSpan.FromSeconds(1);

    private readonly ConcurrentBag<(SmtpClient Client, long IdleSince)> _idle = [];
    private readonly SemaphoreSlim _slots = new(Math.Max(1, options.Value.MaxConnections));

    public Channel Channel => Channel.Email;

    public MimeMessage Compose(OutgoingMessage message)
    {
        var mime = new MimeMessage
        {
            Subject = message.Subject,
            MessageId = $"{message.DeliveryId:N}@{DomainOf(_options.FromAddress)}",
        };
        mime.From.Add(new MailboxAddress(_options.FromName, _options.FromAddress));
        mime.To.Add(MailboxAddress.Parse(message.Address));
        if (message.Unsubscribe is { } unsubscribe)
        {
            // RFC 8058: a mail client may POST "List-Unsubscribe=One-Click" to this URL, with no further step.
            mime.Headers.Add(HeaderId.ListUnsubscribe, $"<{unsubscribe}>");
            mime.Headers.Add("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
        }

        var body = new BodyBuilder { TextBody = message.Body };
        if (message.Html is not null)
        {
            body.HtmlBody = message.Html;
        }

        mime.Body = body.ToMessageBody();
        return mime;
    }

    public async Task<SendResult> SendAsync(OutgoingMessage message, CancellationToken cancellationToken)
    {
        if (!MailboxAddress.TryParse(message.Address, out _))
        {
            return SendResult.Failure(null, "Not an email address", permanent: true, addressGone: true);
        }

        var mime = Compose(message);
        await _slots.WaitAsync(cancellationToken);
        SmtpClient? client = null;
        try
        {
            client = await ConnectedClientAsync(cancellationToken);
            var response = await client.SendAsync(mime, cancellationToken);
            _idle.Add((client, Stopwatch.GetTimestamp()));
            client = null;
            return SendResult.SentNow(QueueId(response) ?? mime.MessageId, 250);
        }
        catch (SmtpCommandException e)
        {
            var code = (int)e.StatusCode;
            // 5xx is the server's final word; a refused recipient (550 5.1.1 no such mailbox) means the address is no good.
            var permanent = code >= 500;
            var addressGone = permanent && e.ErrorCode == SmtpErrorCode.RecipientNotAccepted;
            return SendResult.Failure(code, $"SMTP {code} {e.Message}", permanent, addressGone);
        }
        catch (Exception e) when (IsConnectionFailure(e))
        {
            LogConnectionFailed(logger, _options.Host, _options.Port, e.Message);
            return SendResult.Failure(null, $"SMTP server {_options.Host}:{_options.Port}: {e.Message}", permanent: false);
        }
        finally
        {
            if (client is not null)
            {
                await DropAsync(client);
            }

            _slots.Release();
        }
    }

    private async Task<SmtpClient> ConnectedClientAsync(CancellationToken cancellationToken)
    {
        while (_idle.TryTake(out var idle))
        {
            var quietFor = Stopwatch.GetElapsedTime(idle.IdleSince);
            if (idle.Client.IsConnected && quietFor < _options.MaxIdle
                && (quietFor < CheckAfter || await AnswersAsync(idle.Client, cancellationToken)))
            {
                return idle.Client;
            }

            await DropAsync(idle.Client);
        }

        var client = new SmtpClient { Timeout = 30_000 };
        try
        {
            await client.ConnectAsync(_options.Host, _options.Port, _options.Security, cancellationToken);
            if (!string.IsNullOrEmpty(_options.Username))
            {
                await client.AuthenticateAsync(_options.Username, _options.Password ?? "", cancellationToken);
            }

            return client;
        }
        catch
        {
            client.Dispose();
            throw;
        }
    }

    private static async Task<bool> AnswersAsync(SmtpClient client, CancellationToken cancellationToken)
    {
        // A live server answers a NOOP at once. One that does not within seconds is dropped, and the short timeout stays
        // so that saying goodbye to it cannot hang for long either.
        var timeout = client.Timeout;
        client.Timeout = 5_000;
        try
        {
            await client.NoOpAsync(cancellationToken);
            client.Timeout = timeout;
            return true;
        }
        catch (Exception e) when (e is SmtpCommandException || IsConnectionFailure(e))
        {
            return false;
        }
    }

    /// <summary>The server could not be reached or stopped answering: not a verdict on the message.</summary>
    private static bool IsConnectionFailure(Exception e) =>
        e is IOException or System.Net.Sockets.SocketException or SmtpProtocolException or ServiceNotConnectedException
            or ServiceNotAuthenticatedException or MailKit.Security.AuthenticationException or TimeoutException;

    private static async Task DropAsync(SmtpClient client)
    {
        try
        {
            if (client.IsConnected)
            {
                await client.DisconnectAsync(quit: true, CancellationToken.None);
            }
        }
        catch (Exception e) when (e is IOException or System.Net.Sockets.SocketException or SmtpProtocolException or ServiceNotConnectedException)
        {
            // Already broken: nothing to say goodbye to.
        }
        finally
        {
            client.Dispose();
        }
    }

    /// <summary>"250 2.0.0 Ok: queued as 4ABC1234" → "4ABC1234", the server's id for the message.</summary>
    private static string? QueueId(string response)
    {
        const string marker = "queued as ";
        var at = response.IndexOf(marker, StringComparison.OrdinalIgnoreCase);
        return at < 0 ? null : response[(at + marker.Length)..].Trim().Split(' ')[0];
    }

    private static string DomainOf(string address) => address[(address.IndexOf('@', StringComparison.Ordinal) + 1)..];

    public async ValueTask DisposeAsync()
    {
        while (_idle.TryTake(out var idle))
        {
            await DropAsync(idle.Client);
        }

        _slots.Dispose();
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "SMTP server {Host}:{Port} could not be reached or failed: {Reason}")]
    private static partial void LogConnectionFailed(ILogger logger, string host, int port, string reason);
}
