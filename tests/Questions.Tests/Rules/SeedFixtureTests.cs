using PanelPlatform.Questions.Seed;
using PanelPlatform.ServiceDefaults.Data;

namespace PanelPlatform.Questions.Tests.Rules;

public sealed class SeedFixtureTests
{
    [Fact]
    public void Meeting_ids_are_version_5_UUIDs_of_the_body_and_date_so_the_Meetings_seed_can_use_the_same()
    {
        // uuid.uuid5(uuid.NAMESPACE_URL, "https://panel-platform.uk/meetings/derbyshire-police-and-crime-panel/2022-11-17") in Python.
        Assert.Equal(new Guid("c7da0146-c969-5674-b210-940ab4947123"), DeterministicIds.Meeting("derbyshire-police-and-crime-panel", new DateOnly(2022, 11, 17)));
        Assert.Equal(new Guid("4a391f1c-752f-5fda-ab49-7c1c286d831f"), DeterministicIds.Meeting("performance-scrutiny-meeting", new DateOnly(2023, 11, 8)));
    }

    [Fact]
    public void Every_id_in_the_fixture_is_derived_from_its_key()
    {
        var fixture = SeedLoader.ReadFixture();

        Assert.All(fixture.Meetings, m => Assert.Equal(DeterministicIds.ForName(DeterministicIds.UrlBase + m.Key), m.Id));
        Assert.All(fixture.Meetings.SelectMany(m => m.AgendaItems), i => Assert.Equal(DeterministicIds.ForName(DeterministicIds.UrlBase + i.Key), i.Id));
        Assert.All(fixture.Questions, q => Assert.Equal(DeterministicIds.ForName(DeterministicIds.UrlBase + q.Key), q.Id));
        Assert.All(fixture.Questions, q => Assert.True(q.Text.Length <= Domain.Rules.MaxTextLength));
        Assert.Contains(fixture.Questions, q => q.Text.Contains("Harm to Hope", StringComparison.Ordinal) && q.Answer is not null);
    }
}
