using PanelPlatform.Questions.Abuse;
using PanelPlatform.Questions.Endpoints;
using PanelPlatform.Questions.Seed;

namespace PanelPlatform.Questions;

public static class QuestionsServices
{
    public static WebApplicationBuilder AddQuestions(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<QuestionsOptions>().BindConfiguration(QuestionsOptions.SectionName)
            .Validate(o => o.PublicClearDays >= 0 && o.MemberClearDays >= 0 && o.Bodies.Values.All(b => b.PublicClearDays is null or >= 0 && b.MemberClearDays is null or >= 0),
                "Clear working days cannot be negative.")
            .ValidateOnStart();
        builder.Services.AddSingleton<QuestionKeys>();
        builder.Services.AddSingleton<ConfirmationTokens>();
        builder.Services.AddSingleton<ClientAddresses>();
        builder.Services.AddSingleton<QuestionAccess>();
        builder.Services.AddScoped<SeedLoader>();
        QuestionAccess.AddPolicies(builder.Services);
        return builder;
    }
}
