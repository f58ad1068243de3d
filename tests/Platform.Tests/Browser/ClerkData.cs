using System.Net;
using System.Net.Http.Json;
using Microsoft.Playwright;
using PanelPlatform.ServiceDefaults.Auth;

namespace PanelPlatform.Platform.Tests.Browser;

/// <summary>What the console's browser tests set up: the Panel as a body, and meetings on dates of their own.</summary>
internal static class ClerkData
{
    public const string Panel = "Derbyshire Police and Crime Panel";
    public const string PanelSlug = "derbyshire-police-and-crime-panel";

    /// <summary>A weekday of this test's own, years ahead (other tests take their dates nearer).</summary>
    public static DateOnly OwnDate()
    {
        var day = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(Random.Shared.Next(800, 3000));
        while (day.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday)
        {
            day = day.AddDays(1);
        }

        return day;
    }

    /// <summary>The Panel as a body the console lists (created by whichever test gets there first).</summary>
    public static async Task EnsurePanelAsync(PlatformApp platform)
    {
        var created = await platform.Client(Roles.Clerk).PostAsJsonAsync("/api/meetings/bodies", new { name = Panel, slug = PanelSlug, kind = "panel" });
        Assert.True(created.StatusCode is HttpStatusCode.Created or HttpStatusCode.Conflict, await created.Content.ReadAsStringAsync());
    }

    /// <summary>The success banner a change lands on (after a post and a redirect, on a machine that may be busy).</summary>
    public static Task BannerAsync(IPage page, string text) =>
        Assertions.Expect(page.Locator(".govuk-notification-banner--success")).ToContainTextAsync(text, new() { Timeout = 15_000 });
}
