using PanelPlatform.ServiceDefaults.Auth;

namespace PanelPlatform.Casework.Security;

/// <summary>Casework's own authorization policies, beside the per-role ones every service has.</summary>
public static class CaseworkPolicies
{
    /// <summary>Any signed-in member of staff: they see a case's type, dates, status and clock.</summary>
    public const string Staff = "casework-staff";

    /// <summary>Who may log a new case: caseworkers and OPCC staff (e.g. the post room).</summary>
    public const string Intake = "casework-intake";

    public static IHostApplicationBuilder AddCaseworkPolicies(this IHostApplicationBuilder builder)
    {
        builder.Services.AddAuthorizationBuilder()
            .AddPolicy(Staff, policy => policy.RequireAuthenticatedUser().RequireRole(Roles.All))
            .AddPolicy(Intake, policy => policy.RequireRole(Roles.Caseworker, Roles.OpccStaff, Roles.Admin));
        return builder;
    }
}
