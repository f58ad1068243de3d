using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace PanelPlatform.Identity.Data;

/// <summary>
/// identitydb: ASP.NET Core Identity's users and roles, OpenIddict's applications, authorizations, scopes and tokens,
/// and the Data Protection key ring, so that every replica reads the others' cookies and antiforgery tokens.
/// </summary>
public sealed class IdentityDb(DbContextOptions<IdentityDb> options)
    : IdentityDbContext<StaffUser, IdentityRole, string>(options), IDataProtectionKeyContext
{
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.UseOpenIddict();
        builder.Entity<StaffUser>().Property(u => u.DisplayName).HasMaxLength(200);
    }
}
