using PanelPlatform.ServiceDefaults.Http;
using PanelPlatform.ServiceDefaults.Messaging;

namespace PanelPlatform.ServiceDefaults.Tests.Http;

public sealed class RequestShapeTests
{
    [Theory]
    [InlineData("amqp://guest:guest@127.0.0.1:5672", "127.0.0.1", 5672, "/", "guest", "guest")]
    [InlineData("amqp://panel:p%40ss@rabbit.internal:5673/panel", "rabbit.internal", 5673, "panel", "panel", "p@ss")]
    [InlineData("amqp://localhost", "localhost", 5672, "/", "guest", "guest")]
    public void Broker_connection_strings_read_as_Aspire_writes_them(
        string connectionString, string host, int port, string vhost, string user, string password)
    {
        var address = RabbitMqAddress.Parse(connectionString);
        Assert.Equal(new RabbitMqAddress(host, (ushort)port, vhost, user, password), address);
    }

    [Fact]
    public void Validation_names_each_bad_field()
    {
        var validation = new Validation()
            .Required("title", "  ")
            .Required("bodyName", new string('x', 201), 200)
            .PlainText("description", "Hello <script>alert(1)</script>")
            .PlainText("location", "Council Chamber, County Hall, Matlock");

        Assert.False(validation.IsValid);
        Assert.Equal(["bodyName", "description", "title"], validation.Errors.Keys.Order());
    }

    [Fact]
    public void A_paging_cursor_round_trips_and_a_forged_one_is_refused()
    {
        var key = new Cursor(new DateTimeOffset(2022, 11, 17, 10, 0, 0, TimeSpan.Zero), Guid.NewGuid());
        var encoded = Paging.Encode(key);

        Assert.True(Paging.TryDecode<Cursor>(encoded, new Validation(), out var decoded));
        Assert.Equal(key, decoded);

        var validation = new Validation();
        Assert.False(Paging.TryDecode<Cursor>("not-a-cursor!", validation, out _));
        Assert.Contains("cursor", validation.Errors.Keys);
    }

    private sealed record Cursor(DateTimeOffset StartsAt, Guid Id);
}
