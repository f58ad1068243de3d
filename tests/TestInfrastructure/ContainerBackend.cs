using Npgsql;
using PanelPlatform.LocalInfrastructure;
using Testcontainers.PostgreSql;
using Testcontainers.RabbitMq;

namespace PanelPlatform.TestInfrastructure;

/// <summary>PostgreSQL and RabbitMQ containers, used only after a probe found a container engine answering.</summary>
internal sealed class ContainerBackend : IInfrastructureBackend
{
    private readonly int _amqpPort = FreePort.Next();
    private PostgreSqlContainer _postgres = null!;
    private RabbitMqContainer _rabbit = null!;

    // A fixed host port, so the broker comes back where the services expect it after StopBrokerAsync/StartBrokerAsync.
    public string RabbitMqConnectionString => $"amqp://rabbitmq:rabbitmq@127.0.0.1:{_amqpPort}";

    public string PostgresConnectionString(string database) =>
        new NpgsqlConnectionStringBuilder(_postgres.GetConnectionString()) { Database = database }.ConnectionString;

    public string BrokerLog(int lines) => "(the broker runs in a container: its log is the container's)";

    public Task<string> BrokerStateAsync(string? queue) =>
        BrokerState.DescribeAsync(new Uri($"http://127.0.0.1:{_rabbit.GetMappedPublicPort(15672)}"), "rabbitmq", "rabbitmq", queue);

    public string Describe() => $"postgres {_postgres.Image.FullName}, rabbitmq {_rabbit.Image.FullName} on 127.0.0.1:{_amqpPort}";

    public async Task StartAsync()
    {
        _postgres = new PostgreSqlBuilder("postgres:15-alpine")
            .WithCommand("-c", "fsync=off", "-c", "max_connections=400")
            .Build();
        _rabbit = new RabbitMqBuilder("rabbitmq:3.13-management-alpine")
            .WithUsername("rabbitmq")
            .WithPassword("rabbitmq")
            .WithPortBinding(_amqpPort, 5672)
            .Build();
        await Task.WhenAll(_postgres.StartAsync(), _rabbit.StartAsync());
    }

    public Task StopBrokerAsync() => _rabbit.StopAsync();

    public Task StartBrokerAsync() => _rabbit.StartAsync();

    public async ValueTask DisposeAsync()
    {
        await _rabbit.DisposeAsync();
        await _postgres.DisposeAsync();
    }
}
