using Microsoft.EntityFrameworkCore;
using PanelPlatform.ServiceDefaults.Data;

namespace PanelPlatform.Questions.Data;

internal sealed class DesignTimeFactory : DesignTimeFactory<QuestionsDbContext>
{
    protected override QuestionsDbContext Create(DbContextOptions<QuestionsDbContext> options) => new(options);
}
