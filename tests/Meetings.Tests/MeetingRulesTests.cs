using PanelPlatform.ServiceDefaults.Http;
using PanelPlatform.Meetings.Domain;

namespace PanelPlatform.Meetings.Tests;

public sealed class MeetingRulesTests
{
    [Fact]
    public void A_meeting_cannot_end_before_it_starts()
    {
        var start = new DateTimeOffset(2022, 11, 17, 10, 0, 0, TimeSpan.Zero);
        var panel = Body.Create("Derbyshire Police and Crime Panel", null, BodyKind.Panel, DateTimeOffset.UtcNow);

        Assert.Throws<ArgumentException>(() => Meeting.Schedule(panel, "Panel", start, start.AddHours(-1), "County Hall", false, DateTimeOffset.UtcNow));
        Assert.Throws<ArgumentException>(() => Meeting.Schedule(panel, "Panel", start, start, "County Hall", false, DateTimeOffset.UtcNow));
    }

    [Theory]
    [InlineData("Derbyshire Police and Crime Panel", "derbyshire-police-and-crime-panel")]
    [InlineData("  Commissioner's Performance Scrutiny Meeting ", "commissioner-s-performance-scrutiny-meeting")]
    [InlineData("Police & Crime Panel (2022/23)", "police-crime-panel-2022-23")]
    public void Body_names_become_stable_slugs(string name, string slug) => Assert.Equal(slug, Slugs.From(name));
}
