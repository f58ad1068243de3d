using Microsoft.EntityFrameworkCore;
using PanelPlatform.ServiceDefaults.Data;

namespace PanelPlatform.Identity.Data;

internal sealed class DesignTimeFactory : DesignTimeFactory<IdentityDb>
{
    protected override IdentityDb Create(DbContextOptions<IdentityDb> options) => new(options);
}
