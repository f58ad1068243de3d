using Microsoft.EntityFrameworkCore;
using PanelPlatform.ServiceDefaults.Data;

namespace PanelPlatform.Meetings.Data;

internal sealed class DesignTimeFactory : DesignTimeFactory<MeetingsDbContext>
{
    protected override MeetingsDbContext Create(DbContextOptions<MeetingsDbContext> options) => new(options);
}
