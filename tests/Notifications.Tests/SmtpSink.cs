using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Threading.Channels;
using MimeKit;

namespace PanelPlatform.Notifications.Tests;

public sealed record ReceivedEmail(string To, MimeMessage Message, DateTimeOffset ReceivedAt)
{
    public string Text => Message.TextBody ?? "";

    /// <summary>The first link in the text body that starts with <paramref name="prefix"/> (path and query only).</summary>
    public string Link(string prefix)
    {
        var at = Text.IndexOf(prefix, StringComparison.Ordinal);
        Assert.True(at >= 0, $"No link starting {prefix} in:\n{Text}");
        var end = Text.IndexOfAny([' ', '\n', '\r'], at);
        return Text[at..(end < 0 ? Text.Length : end)];
    }
}

/// <summary>
/// A small real SMTP server on a loopback port: enough of RFC 5321 for MailKit (EHLO, MAIL, RCPT, DATA, RSET, NOOP,
/// QUIT). Addresses in <see cref="Rejected"/> get "550 5.1.1" at RCPT; <see cref="FailNext"/> answers 451 to the next
/// messages' DATA, as a server with a passing problem would. With <see cref="IdleTimeout"/> set it closes a session that
/// has sent nothing for that long after its last message, without a word, as smtp4dev does after 30 s (Postfix after
/// 300 s). Only the quiet after a message counts, so a slow client mid-message is not cut off.
/// </summary>
public sealed class SmtpSink : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();
    private readonly Channel<ReceivedEmail> _received = Channel.CreateUnbounded<ReceivedEmail>();
    private readonly ConcurrentBag<ReceivedEmail> _all = [];
    private readonly ConcurrentDictionary<string, int> _failNextTo = new(StringComparer.OrdinalIgnoreCase);
    private int _sequence;

    public int Port { get; private set; }
    public ConcurrentDictionary<string, bool> Rejected { get; } = new(StringComparer.OrdinalIgnoreCase);
    public IReadOnlyCollection<ReceivedEmail> All => _all;
    public int Attempts;

    /// <summary>Sessions (TCP connections) the sink has accepted.</summary>
    public int Sessions;

    public TimeSpan? IdleTimeout { get; init; }

    /// <summary>After <see cref="IdleTimeout"/>, keep the connection open but never answer again: a half-open connection.</summary>
    public bool SilentAfterIdle { get; init; }

    public static SmtpSink Start(TimeSpan? idleTimeout = null, bool silentAfterIdle = false)
    {
        var sink = new SmtpSink { IdleTimeout = idleTimeout, SilentAfterIdle = silentAfterIdle };
        sink._listener.Start();
        sink.Port = ((IPEndPoint)sink._listener.LocalEndpoint).Port;
        _ = sink.AcceptAsync();
        return sink;
    }

    /// <summary>451 to the next <paramref name="count"/> messages for <paramref name="address"/> only (other tests' mail is untouched).</summary>
    public void FailNext(string address, int count) => _failNextTo[address] = count;

    public async Task<ReceivedEmail> NextAsync(TimeSpan timeout, Func<ReceivedEmail, bool>? where = null)
    {
        using var cancellation = new CancellationTokenSource(timeout);
        try
        {
            while (true)
            {
                var email = await _received.Reader.ReadAsync(cancellation.Token);
                if (where is null || where(email))
                {
                    return email;
                }
            }
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException($"No email arrived within {timeout.TotalSeconds}s ({_all.Count} received in all).");
        }
    }

    /// <summary>Waits for an email to <paramref name="to"/>.</summary>
    public Task<ReceivedEmail> NextToAsync(string to, TimeSpan timeout) =>
        NextAsync(timeout, e => string.Equals(e.To, to, StringComparison.OrdinalIgnoreCase));

    /// <summary>
    /// Waits until <paramref name="address"/> has had <paramref name="count"/> emails (matching <paramref name="where"/>)
    /// and returns them in arrival order. Unlike <see cref="NextAsync"/> it takes nothing off the queue, so waiting for one
    /// address never loses another's email.
    /// </summary>
    public async Task<IReadOnlyList<ReceivedEmail>> WaitForAsync(string address, int count, TimeSpan timeout, Func<ReceivedEmail, bool>? where = null)
    {
        IReadOnlyList<ReceivedEmail> Matching() => To(address).Where(e => where?.Invoke(e) ?? true).ToList();
        await TestInfrastructure.Eventually.Until(() => Task.FromResult(Matching().Count >= count), timeout,
            $"{count} email(s) to {address} (have {Matching().Count})");
        return Matching();
    }

    public IReadOnlyList<ReceivedEmail> To(string address) =>
        _all.Where(e => string.Equals(e.To, address, StringComparison.OrdinalIgnoreCase)).OrderBy(e => e.ReceivedAt).ToList();

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await _listener.AcceptTcpClientAsync(_stop.Token);
            }
            catch (Exception e) when (e is OperationCanceledException or ObjectDisposedException or SocketException)
            {
                return;
            }

            _ = ServeAsync(client);
        }
    }

    private async Task ServeAsync(TcpClient client)
    {
        using var _ = client;
        Interlocked.Increment(ref Sessions);
        try
        {
            var stream = client.GetStream();
            var reader = new StreamReader(stream, Encoding.Latin1);
            var writer = new StreamWriter(stream, Encoding.Latin1) { NewLine = "\r\n", AutoFlush = true };
            await writer.WriteLineAsync("220 localhost test SMTP sink");
            var recipients = new List<string>();
            var afterMessage = false;
            while (await ReadCommandAsync(reader, afterMessage) is { } line)
            {
                afterMessage = false;
                var verb = line.Split(' ', 2)[0].ToUpperInvariant();
                switch (verb)
                {
                    case "EHLO":
                        await writer.WriteLineAsync("250-localhost\r\n250 8BITMIME");
                        break;
                    case "HELO" or "NOOP":
                        await writer.WriteLineAsync("250 OK");
                        break;
                    case "RSET" or "MAIL":
                        recipients.Clear();
                        await writer.WriteLineAsync("250 2.1.0 OK");
                        break;
                    case "RCPT":
                        var address = line[(line.IndexOf('<', StringComparison.Ordinal) + 1)..line.IndexOf('>', StringComparison.Ordinal)];
                        if (Rejected.ContainsKey(address))
                        {
                            await writer.WriteLineAsync("550 5.1.1 No such mailbox here");
                        }
                        else
                        {
                            recipients.Add(address);
                            await writer.WriteLineAsync("250 2.1.5 OK");
                        }

                        break;
                    case "DATA":
                        await writer.WriteLineAsync("354 End data with <CR><LF>.<CR><LF>");
                        var data = new StringBuilder();
                        while (await reader.ReadLineAsync(_stop.Token) is { } dataLine && dataLine != ".")
                        {
                            data.Append(dataLine.StartsWith("..", StringComparison.Ordinal) ? dataLine[1..] : dataLine).Append("\r\n");
                        }

                        Interlocked.Increment(ref Attempts);
                        if (recipients.Any(TakeFailure))
                        {
                            await writer.WriteLineAsync("451 4.3.0 Try again later");
                            break;
                        }

                        var message = await MimeMessage.LoadAsync(new MemoryStream(Encoding.Latin1.GetBytes(data.ToString())));
                        foreach (var to in recipients)
                        {
                            var email = new ReceivedEmail(to, message, DateTimeOffset.UtcNow);
                            _all.Add(email);
                            await _received.Writer.WriteAsync(email);
                        }

                        await writer.WriteLineAsync($"250 2.0.0 Ok: queued as SINK{Interlocked.Increment(ref _sequence)}");
                        afterMessage = true;
                        break;
                    case "QUIT":
                        await writer.WriteLineAsync("221 2.0.0 Bye");
                        return;
                    default:
                        await writer.WriteLineAsync("502 5.5.2 Command not recognised");
                        break;
                }
            }
        }
        catch (Exception e) when (e is IOException or OperationCanceledException or ObjectDisposedException or SocketException)
        {
            // The client went away, or the sink is stopping.
        }
    }

    /// <summary>The client's next command, or null when it has gone or has been quiet past <see cref="IdleTimeout"/> after a message.</summary>
    private async Task<string?> ReadCommandAsync(StreamReader reader, bool afterMessage)
    {
        if (IdleTimeout is not { } idle || !afterMessage)
        {
            return await reader.ReadLineAsync(_stop.Token);
        }

        using var wait = CancellationTokenSource.CreateLinkedTokenSource(_stop.Token);
        wait.CancelAfter(idle);
        try
        {
            return await reader.ReadLineAsync(wait.Token);
        }
        catch (OperationCanceledException) when (!_stop.IsCancellationRequested)
        {
            while (SilentAfterIdle && await reader.ReadLineAsync(_stop.Token) is not null)
            {
                // Heard, never answered.
            }

            return null;
        }
    }

    private bool TakeFailure(string address)
    {
        while (_failNextTo.TryGetValue(address, out var left) && left > 0)
        {
            if (_failNextTo.TryUpdate(address, left - 1, left))
            {
                return true;
            }
        }

        return false;
    }

    public ValueTask DisposeAsync()
    {
        _stop.Cancel();
        _listener.Stop();
        _stop.Dispose();
        return ValueTask.CompletedTask;
    }
}
