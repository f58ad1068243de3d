using Microsoft.EntityFrameworkCore;
using PanelPlatform.Casework.Security;
using PanelPlatform.ServiceDefaults.Data;

namespace PanelPlatform.Casework.Data;

internal sealed class DesignTimeFactory : DesignTimeFactory<CaseworkDbContext>
{
    // Migrations need the model, never a real key: a throwaway one makes the same converters.
    protected override CaseworkDbContext Create(DbContextOptions<CaseworkDbContext> options) =>
        new(options, new FieldCipher("design", new Dictionary<string, byte[]> { ["design"] = new byte[32] }));
}
