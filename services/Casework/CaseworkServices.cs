using Microsoft.Extensions.Options;
using PanelPlatform.Casework.Domain;
using PanelPlatform.Casework.Endpoints;
using PanelPlatform.Casework.Jobs;
using PanelPlatform.Casework.Security;

namespace PanelPlatform.Casework;

public static class CaseworkServices
{
    /// <summary>Clocks, keys, policies, the request-scoped helpers and the two scheduled jobs.</summary>
    public static WebApplicationBuilder AddCasework(this WebApplicationBuilder builder)
    {
        builder.AddCaseworkSecurity();
        builder.AddCaseworkPolicies();
        var services = builder.Services;
        services.AddOptions<ClockPolicy>().BindConfiguration(ClockPolicy.SectionName);
        services.AddSingleton(sp => sp.GetRequiredService<IOptions<ClockPolicy>>().Value);
        services.AddOptions<PublicFormOptions>().BindConfiguration(PublicFormOptions.SectionName);
        services.AddOptions<DeadlineWatchOptions>().BindConfiguration(DeadlineWatchOptions.SectionName);
        services.AddOptions<RetentionOptions>().BindConfiguration(RetentionOptions.SectionName);
        services.AddOptions<SentCommandScrubOptions>().BindConfiguration(SentCommandScrubOptions.SectionName);
        services.AddScoped<AuditTrail>();
        services.AddScoped<CaseIntake>();
        services.AddScoped<CaseworkerDirectory>();

        // Singletons as well as hosted services, so tests (and operators' tools) can run a tick on demand.
        services.AddSingleton<DeadlineWatchJob>();
        services.AddSingleton<RetentionJob>();
        services.AddSingleton<SentCommandScrubJob>();
        services.AddHostedService(sp => sp.GetRequiredService<SentCommandScrubJob>());
        if (builder.Configuration.GetValue($"{DeadlineWatchOptions.SectionName}:Enabled", true))
        {
            services.AddHostedService(sp => sp.GetRequiredService<DeadlineWatchJob>());
        }

        if (builder.Configuration.GetValue($"{RetentionOptions.SectionName}:Enabled", true))
        {
            services.AddHostedService(sp => sp.GetRequiredService<RetentionJob>());
        }

        return builder;
    }

    public static IEndpointRouteBuilder MapCaseworkEndpoints(this IEndpointRouteBuilder routes)
    {
        var casework = routes.MapGroup("/api/casework").WithTags("Casework");
        var cases = casework.MapGroup("/cases");
        cases.MapCaseEndpoints();
        cases.MapCaseActionEndpoints();
        cases.MapNoteEndpoints();
        cases.MapDocumentEndpoints();
        casework.MapPublicSubmissionEndpoints();
        casework.MapFiguresEndpoints();
        casework.MapAuditEndpoints();
        casework.MapSubjectAccessEndpoints();
        casework.MapCaseworkerEndpoints();
        casework.MapAdminEndpoints();
        return routes;
    }
}
