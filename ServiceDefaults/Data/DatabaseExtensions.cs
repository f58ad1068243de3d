using Microsoft.AspNetCore.Builder;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;
using PanelPlatform.ServiceDefaults.Messaging;

namespace PanelPlatform.ServiceDefaults.Data;

public static partial class DatabaseExtensions
{
    /// <summary>
    /// The service's own PostgreSQL database: snake_case names, the outbox signal interceptor and a readiness check.
    /// No retrying execution strategy: the inbox and the services open their own transactions.
    /// </summary>
    public static IHostApplicationBuilder AddServiceDatabase<TDbContext>(
        this IHostApplicationBuilder builder,
        string connectionName,
        Action<NpgsqlDataSourceBuilder>? configureDataSource = null)
        where TDbContext : DbContext
    {
        var connectionString = builder.Configuration.GetConnectionString(connectionName)
            ?? throw new InvalidOperationException($"ConnectionStrings:{connectionName} is not configured.");
        var dataSourceBuilder = new NpgsqlDataSourceBuilder(connectionString);
        configureDataSource?.Invoke(dataSourceBuilder);
        var dataSource = dataSourceBuilder.Build();
        builder.Services.AddSingleton(dataSource);

        builder.Services.AddDbContext<TDbContext>((sp, options) =>
        {
            options.UseServiceConventions(dataSource);
            if (sp.GetService<OutboxSignalInterceptor>() is { } interceptor)
            {
                options.AddInterceptors(interceptor);
            }
        });
        builder.Services.AddHealthChecks().AddDbContextCheck<TDbContext>("database", tags: ["ready"]);
        return builder;
    }

    public const string MigrationsHistoryTable = "__ef_migrations_history";

    /// <summary>Npgsql with snake_case names: the same model at run time and when migrations are made.</summary>
    public static DbContextOptionsBuilder UseServiceConventions(this DbContextOptionsBuilder options, NpgsqlDataSource dataSource) =>
        options.UseNpgsql(dataSource, npgsql => npgsql.MigrationsHistoryTable(MigrationsHistoryTable))
            .UseSnakeCaseNamingConvention();

    /// <summary>
    /// Applies pending migrations before the service takes requests, waiting for the server to come up.
    /// Several replicas may start together: EF Core serialises their migrations with a database lock.
    /// </summary>
    public static async Task MigrateDatabaseAsync<TDbContext>(this WebApplication app, TimeSpan? waitForServer = null)
        where TDbContext : DbContext
    {
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("PanelPlatform.Migrations");
        var deadline = DateTimeOffset.UtcNow + (waitForServer ?? TimeSpan.FromSeconds(60));
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await using var scope = app.Services.CreateAsyncScope();
                var db = scope.ServiceProvider.GetRequiredService<TDbContext>();
                await MigrateAloneAsync(db);
                LogMigrated(logger, typeof(TDbContext).Name);
                return;
            }
            catch (Exception e) when (IsTransient(e) && DateTimeOffset.UtcNow < deadline)
            {
                LogWaiting(logger, typeof(TDbContext).Name, attempt, e.Message);
                await Task.Delay(TimeSpan.FromMilliseconds(Math.Min(2000, 200 * attempt)));
            }
        }
    }

    /// <summary>
    /// Replicas starting together each run the migrations; without this lock both ran the same DDL and one failed
    /// ("function … already exists"). A session advisory lock on the service's own database lets one migrate while the
    /// others wait, then find nothing left to do.
    /// </summary>
    private const long MigrationLockKey = 7312202211171;

    private static async Task MigrateAloneAsync(DbContext db)
    {
        var creator = db.GetService<IRelationalDatabaseCreator>();
        if (!await creator.ExistsAsync())
        {
            try
            {
                await creator.CreateAsync();
            }
            catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.DuplicateDatabase)
            {
            }
        }

        await db.Database.WithSessionLockAsync(MigrationLockKey, () => db.Database.MigrateAsync());
    }

    private static bool IsTransient(Exception e) => e switch
    {
        // 42P04: another replica created the database between our check and our CREATE DATABASE.
        PostgresException { SqlState: "42P04" or "57P03" } => true,
        NpgsqlException { IsTransient: true } => true,
        System.Net.Sockets.SocketException => true,
        _ => e.InnerException is not null && IsTransient(e.InnerException),
    };

    [LoggerMessage(Level = LogLevel.Information, Message = "{Database} is migrated")]
    private static partial void LogMigrated(ILogger logger, string database);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Waiting for {Database} (attempt {Attempt}): {Reason}")]
    private static partial void LogWaiting(ILogger logger, string database, int attempt, string reason);
}
