using Microsoft.EntityFrameworkCore;
using PanelPlatform.ServiceDefaults.Data;

namespace PanelPlatform.Grants.Data;

internal sealed class DesignTimeFactory : DesignTimeFactory<GrantsDbContext>
{
    protected override GrantsDbContext Create(DbContextOptions<GrantsDbContext> options) => new(options);
}
