using Microsoft.EntityFrameworkCore;
using PanelPlatform.ServiceDefaults.Data;

namespace PanelPlatform.Notifications.Data;

internal sealed class DesignTimeFactory : DesignTimeFactory<NotificationsDbContext>
{
    protected override NotificationsDbContext Create(DbContextOptions<NotificationsDbContext> options) => new(options);
}
