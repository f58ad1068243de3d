using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Npgsql;

namespace PanelPlatform.ServiceDefaults.Data;

/// <summary>Lets <c>dotnet ef migrations add</c> build a service's model without a running server.</summary>
public abstract class DesignTimeFactory<TDbContext> : IDesignTimeDbContextFactory<TDbContext> where TDbContext : DbContext
{
    public TDbContext CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<TDbContext>();
        options.UseServiceConventions(NpgsqlDataSource.Create("Host=localhost;Database=design_time"));
        return Create(options.Options);
    }

    protected abstract TDbContext Create(DbContextOptions<TDbContext> options);
}
