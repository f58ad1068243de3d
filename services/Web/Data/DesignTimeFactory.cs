using Microsoft.EntityFrameworkCore;
using PanelPlatform.ServiceDefaults.Data;

namespace PanelPlatform.Web.Data;

internal sealed class DesignTimeFactory : DesignTimeFactory<WebDbContext>
{
    protected override WebDbContext Create(DbContextOptions<WebDbContext> options) => new(options);
}
