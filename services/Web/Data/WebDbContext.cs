using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace PanelPlatform.Web.Data;

/// <summary>
/// The web site keeps no business data: its database holds only the Data Protection key ring, so that every replica
/// reads the cookies (sign-in, antiforgery, a draft grant application's token) another replica wrote.
/// </summary>
public sealed class WebDbContext(DbContextOptions<WebDbContext> options) : DbContext(options), IDataProtectionKeyContext
{
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();
}
