namespace PanelPlatform.ServiceDefaults.Auth;

/// <summary>The roles staff tokens carry (see DESIGN.md). No token means a member of the public.</summary>
public static class Roles
{
    public const string Clerk = "clerk";
    public const string PanelMember = "panel-member";
    public const string OpccStaff = "opcc-staff";
    public const string Caseworker = "caseworker";
    public const string GrantsOfficer = "grants-officer";
    public const string AlertsCoordinator = "alerts-coordinator";
    public const string Admin = "admin";

    public static readonly IReadOnlyList<string> All =
        [Clerk, PanelMember, OpccStaff, Caseworker, GrantsOfficer, AlertsCoordinator, Admin];
}
