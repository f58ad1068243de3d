using System.Net;
using Microsoft.Extensions.Configuration;
using PanelPlatform.ServiceDefaults.Http;

namespace PanelPlatform.ServiceDefaults.Tests.Http;

public sealed class ForwardedClientTests
{
    private static readonly byte[] Key = System.Security.Cryptography.RandomNumberGenerator.GetBytes(32);
    private static readonly DateTimeOffset Now = new(2026, 12, 1, 9, 30, 0, TimeSpan.Zero);

    [Theory]
    [InlineData("81.2.69.160")]
    [InlineData("2a00:23c7:1234::1")]
    public void A_signed_address_reads_back_within_the_tolerance(string address)
    {
        var header = ForwardedClient.Sign(Key, IPAddress.Parse(address), Now);

        Assert.True(ForwardedClient.TryRead(Key, header, Now.AddSeconds(90), out var read));
        Assert.Equal(IPAddress.Parse(address), read);
    }

    [Fact]
    public void A_changed_address_time_or_signature_or_another_key_is_refused()
    {
        var header = ForwardedClient.Sign(Key, IPAddress.Parse("81.2.69.160"), Now);
        var parts = header.Split(';');

        Assert.False(ForwardedClient.TryRead(Key, $"81.2.69.161;{parts[1]};{parts[2]}", Now, out _));
        Assert.False(ForwardedClient.TryRead(Key, $"{parts[0]};{long.Parse(parts[1], System.Globalization.CultureInfo.InvariantCulture) + 1};{parts[2]}", Now, out _));
        Assert.False(ForwardedClient.TryRead(Key, $"{parts[0]};{parts[1]};{parts[2][..^2]}AA", Now, out _));
        Assert.False(ForwardedClient.TryRead(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32), header, Now, out _));
        Assert.False(ForwardedClient.TryRead(Key, header, Now.AddMinutes(3), out _));
        Assert.False(ForwardedClient.TryRead(Key, header, Now.AddMinutes(-3), out _));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("81.2.69.160")]
    [InlineData("81.2.69.160;1;2;3")]
    [InlineData("not-an-address;1764581400;abc")]
    [InlineData("81.2.69.160;-5;abc")]
    [InlineData("81.2.69.160;99999999999999999999;abc")]
    [InlineData("81.2.69.160;1764581400;***")]
    public void Malformed_headers_are_refused_without_throwing(string? header) =>
        Assert.False(ForwardedClient.TryRead(Key, header, Now, out _));

    [Fact]
    public void The_key_is_the_configured_one_or_derived_from_the_development_signing_key_or_none()
    {
        var configured = Convert.ToBase64String(Key);
        var signingKey = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32));
        static IConfiguration Settings(params (string, string)[] pairs) =>
            new ConfigurationBuilder().AddInMemoryCollection(pairs.Select(p => new KeyValuePair<string, string?>(p.Item1, p.Item2))).Build();

        Assert.Equal(Key, ForwardedClient.KeyFrom(Settings(("Gateway:ForwardingKey", configured), ("Auth:SigningKey", signingKey))));
        var derived = ForwardedClient.KeyFrom(Settings(("Auth:SigningKey", signingKey)));
        Assert.NotNull(derived);
        Assert.Equal(32, derived.Length);
        Assert.NotEqual(Convert.FromBase64String(signingKey), derived);
        Assert.Equal(derived, ForwardedClient.KeyFrom(Settings(("Auth:SigningKey", signingKey))));
        Assert.Null(ForwardedClient.KeyFrom(Settings()));
    }
}
