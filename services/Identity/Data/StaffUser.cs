using Microsoft.AspNetCore.Identity;

namespace PanelPlatform.Identity.Data;

/// <summary>A member of staff who signs in; <see cref="DisplayName"/> is the token's <c>name</c> claim.</summary>
public sealed class StaffUser : IdentityUser
{
    public string DisplayName { get; set; } = "";
}
