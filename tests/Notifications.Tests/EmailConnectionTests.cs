using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using PanelPlatform.Notifications.Channels;

namespace PanelPlatform.Notifications.Tests;

/// <summary>
/// The SMTP sender's kept-open connections against a real SMTP session over TCP. Mail servers close a connection that
/// has been quiet for a while without telling the client; a message sent after that must not fail on the dead
/// connection and lose its attempt (and the resident their confirmation email for a minute or more).
/// </summary>
public sealed class EmailConnectionTests
{
    private static EmailSender SenderFor(SmtpSink sink, TimeSpan? maxIdle = null) => new(Options.Create(new EmailOptions
    {
        Host = "127.0.0.1",
        Port = sink.Port,
        Security = MailKit.Security.SecureSocketOptions.None,
        MaxIdle = maxIdle ?? new EmailOptions().MaxIdle,
    }), NullLogger<EmailSender>.Instance);

    private static OutgoingMessage Message(string to) =>
        new(Guid.NewGuid(), to, null, "Confirm your email address for your question", "Follow the link to confirm.", null, null);

    [Fact]
    public async Task Messages_sent_close_together_share_one_connection()
    {
        await using var sink = SmtpSink.Start();
        await using var sender = SenderFor(sink);

        for (var i = 0; i < 5; i++)
        {
            var result = await sender.SendAsync(Message($"resident-{i}@example.org"), TestContext.Current.CancellationToken);
            Assert.True(result.Accepted, result.Error);
        }

        Assert.Equal(5, sink.All.Count);
        Assert.Equal(1, sink.Sessions);
    }

    [Fact]
    public async Task A_message_after_the_server_closed_every_idle_connection_is_sent_at_its_first_attempt()
    {
        await using var sink = SmtpSink.Start(idleTimeout: TimeSpan.FromMilliseconds(300));
        await using var sender = SenderFor(sink);

        // Four at once: four connections, all kept for reuse.
        var first = await Task.WhenAll(Enumerable.Range(0, 4).Select(i =>
            sender.SendAsync(Message($"first-{i}@example.org"), TestContext.Current.CancellationToken)));
        Assert.All(first, r => Assert.True(r.Accepted, r.Error));
        var sessionsBefore = sink.Sessions;

        // The server hangs up on all of them.
        await Task.Delay(TimeSpan.FromSeconds(1.5), TestContext.Current.CancellationToken);

        for (var i = 0; i < 4; i++)
        {
            var result = await sender.SendAsync(Message($"resident-{i}@example.org"), TestContext.Current.CancellationToken);
            Assert.True(result.Accepted, $"message {i + 1} after the idle close: {result.Error}");
        }

        Assert.Equal(8, sink.All.Count);
        Assert.True(sink.Sessions > sessionsBefore, "the sender never opened a new connection");
    }

    [Fact]
    public async Task A_connection_kept_past_MaxIdle_is_closed_rather_than_reused()
    {
        // The server's timeout (400 ms) is shorter than the sender's NOOP check (1 s): only MaxIdle keeps it off the dead connection.
        await using var sink = SmtpSink.Start(idleTimeout: TimeSpan.FromMilliseconds(400));
        await using var sender = SenderFor(sink, maxIdle: TimeSpan.FromMilliseconds(200));

        Assert.True((await sender.SendAsync(Message("first@example.org"), TestContext.Current.CancellationToken)).Accepted);
        await Task.Delay(TimeSpan.FromMilliseconds(700), TestContext.Current.CancellationToken);
        var second = await sender.SendAsync(Message("second@example.org"), TestContext.Current.CancellationToken);

        Assert.True(second.Accepted, second.Error);
        Assert.Equal(2, sink.Sessions);
    }

    [Fact]
    public async Task A_kept_connection_that_no_longer_answers_is_given_up_in_seconds_not_the_send_timeout()
    {
        await using var sink = SmtpSink.Start(idleTimeout: TimeSpan.FromMilliseconds(300), silentAfterIdle: true);
        await using var sender = SenderFor(sink);

        Assert.True((await sender.SendAsync(Message("first@example.org"), TestContext.Current.CancellationToken)).Accepted);
        await Task.Delay(TimeSpan.FromSeconds(1.5), TestContext.Current.CancellationToken);
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var second = await sender.SendAsync(Message("second@example.org"), TestContext.Current.CancellationToken);

        Assert.True(second.Accepted, second.Error);
        Assert.Equal(2, sink.Sessions);
        // The NOOP's own 5 s, then a new connection; without it, MailKit's 30 s send timeout.
        Assert.InRange(clock.Elapsed, TimeSpan.FromSeconds(4), TimeSpan.FromSeconds(20));
    }
}
