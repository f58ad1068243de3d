using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using PanelPlatform.Notifications.Domain;
using PanelPlatform.Notifications.Links;

namespace PanelPlatform.Notifications.Tests;

/// <summary>Double opt-in, signed expiring links, unsubscribe and the stop-all switch, as plain rules.</summary>
public sealed class OptInTests
{
    private static readonly DateTimeOffset Now = new(2022, 9, 1, 9, 0, 0, TimeSpan.Zero);
    private readonly FakeTimeProvider _time = new(Now);

    private LinkTokens Tokens(string? key = null) => new(
        Options.Create(new LinkOptions { Key = key ?? Convert.ToBase64String(new byte[32]) }),
        new ConfigurationBuilder().Build(), _time);

    private static Subscriber NewSubscriber() => Subscriber.Create("resident@example.org", "+447700900123", null, ["Erewash"], [], [],
        new Dictionary<string, Channel[]> { [Topics.CrimePrevention] = [Channel.Email, Channel.Sms] }, Frequency.Immediate, Now);

    [Fact]
    public void A_new_subscriber_is_not_a_member_until_an_address_is_confirmed_by_a_link_made_for_that_address()
    {
        var subscriber = NewSubscriber();
        Assert.False(subscriber.IsMember);
        Assert.Equal(ChannelState.Pending, subscriber.EmailState);

        var tokens = Tokens();
        var token = tokens.Create(LinkPurpose.Confirm, LinkSubject.Subscriber, subscriber.Id, Channel.Email, "someone-else@example.org", TimeSpan.FromHours(48));
        Assert.Equal(LinkCheck.Valid, tokens.Verify(token, LinkPurpose.Confirm, out var claims));
        Assert.False(subscriber.Confirm(Channel.Email, a => LinkTokens.HashAddress(a) == claims!.AddressHash, Now));
        Assert.False(subscriber.IsMember);

        var right = tokens.Create(LinkPurpose.Confirm, LinkSubject.Subscriber, subscriber.Id, Channel.Email, "Resident@Example.org", TimeSpan.FromHours(48));
        tokens.Verify(right, LinkPurpose.Confirm, out claims);
        Assert.True(subscriber.Confirm(Channel.Email, a => LinkTokens.HashAddress(a) == claims!.AddressHash, Now));
        Assert.True(subscriber.IsMember);
        Assert.Equal(["email"], subscriber.ActiveChannels);
        Assert.Equal(ChannelState.Pending, subscriber.MobileState);
    }

    [Fact]
    public void Links_expire_and_cannot_be_altered_reused_for_another_purpose_or_made_with_another_key()
    {
        var tokens = Tokens();
        var id = Guid.NewGuid();
        var token = tokens.Create(LinkPurpose.Confirm, LinkSubject.Subscriber, id, Channel.Email, "a@example.org", TimeSpan.FromHours(48));

        Assert.Equal(LinkCheck.Invalid, tokens.Verify(token, LinkPurpose.Unsubscribe, out _));
        Assert.Equal(LinkCheck.Invalid, Tokens(Convert.ToBase64String(Enumerable.Repeat((byte)7, 32).ToArray())).Verify(token, LinkPurpose.Confirm, out _));
        var tampered = (token[0] == 'e' ? "f" : "e") + token[1..];
        Assert.Equal(LinkCheck.Invalid, tokens.Verify(tampered, LinkPurpose.Confirm, out _));
        Assert.Equal(LinkCheck.Invalid, tokens.Verify("not-a-token", LinkPurpose.Confirm, out _));
        Assert.Equal(LinkCheck.Invalid, tokens.Verify(null, LinkPurpose.Confirm, out _));

        _time.Advance(TimeSpan.FromHours(47));
        Assert.Equal(LinkCheck.Valid, tokens.Verify(token, LinkPurpose.Confirm, out var claims));
        Assert.Equal(id, claims!.Id);
        _time.Advance(TimeSpan.FromHours(2));
        Assert.Equal(LinkCheck.Expired, tokens.Verify(token, LinkPurpose.Confirm, out _));
    }

    [Fact]
    public void Without_a_configured_key_links_are_signed_with_a_key_derived_from_the_shared_development_key()
    {
        var shared = Convert.ToBase64String(Enumerable.Range(0, 32).Select(i => (byte)i).ToArray());

        Assert.Equal(LinkTokens.KeyFrom(null, shared), LinkTokens.KeyFrom(null, shared));
        Assert.NotEqual(Convert.FromBase64String(shared), LinkTokens.KeyFrom(null, shared));
        Assert.NotEqual(LinkTokens.KeyFrom(null, null), LinkTokens.KeyFrom(null, null));
    }

    [Fact]
    public void Unsubscribing_stops_one_channel_and_signing_up_again_needs_a_fresh_confirmation()
    {
        var subscriber = NewSubscriber();
        subscriber.Confirm(Channel.Email, _ => true, Now);
        subscriber.Confirm(Channel.Sms, _ => true, Now);

        subscriber.Unsubscribe(Channel.Email);
        Assert.Equal(ChannelState.Unsubscribed, subscriber.EmailState);
        Assert.Equal(["sms"], subscriber.ActiveChannels);
        Assert.True(subscriber.IsMember);
        Assert.False(subscriber.Confirm(Channel.Email, _ => true, Now));

        Assert.True(subscriber.NeedsConfirming(Channel.Email));
        Assert.Equal(ChannelState.Pending, subscriber.EmailState);
        Assert.False(subscriber.NeedsConfirming(Channel.Sms));

        subscriber.Suspend(Channel.Sms, "sms: Not a UK mobile number", Now);
        Assert.False(subscriber.IsMember);
        Assert.Equal("sms: Not a UK mobile number", subscriber.LastFailure);
    }

    [Theory]
    [InlineData("07700 900123", "+447700900123")]
    [InlineData("+44 7700 900123", "+447700900123")]
    [InlineData("0044-7700-900123", "+447700900123")]
    [InlineData("01629 580000", null)]
    [InlineData("0770090012", null)]
    public void Mobile_numbers_are_UK_mobiles_in_one_form(string given, string? normal) => Assert.Equal(normal, ContactDetails.NormaliseMobile(given));

    [Theory]
    [InlineData(" Clerk@Derbyshire.gov.uk ", "clerk@derbyshire.gov.uk")]
    [InlineData("no-at-sign.example.org", null)]
    [InlineData("a@b", null)]
    [InlineData("<script>@example.org", null)]
    public void Email_addresses_are_checked_and_lower_cased(string given, string? normal) => Assert.Equal(normal, ContactDetails.NormaliseEmail(given));

    [Fact]
    public void Stop_all_sending_pauses_every_channel_and_resume_can_be_partial()
    {
        var control = SendingControl.Initial();

        control.Pause([], "admin", "Provider incident", Now);
        Assert.Equal([Channel.Webhook, Channel.Email, Channel.Sms], control.PausedChannels);
        control.Resume([Channel.Email], "admin", Now);
        Assert.Equal([Channel.Webhook, Channel.Sms], control.PausedChannels);
        control.Resume([], "admin", Now);
        Assert.Empty(control.PausedChannels);
    }
}
