using PanelPlatform.Notifications.Domain;

namespace PanelPlatform.Notifications.Tests;

/// <summary>Who a broadcast reaches: topic and channel, places (county, district, ward) and groups.</summary>
public sealed class MatchingTests
{
    private static readonly DateTimeOffset Now = new(2022, 9, 1, 9, 0, 0, TimeSpan.Zero);

    private static Subscriber Member(string[] areas, string[] wards, string[] groups, params (string Topic, Channel Channel)[] choices)
    {
        var subscriber = Subscriber.Create("farmer@example.org", "+447700900123", null, areas, wards, groups,
            choices.GroupBy(c => c.Topic).ToDictionary(g => g.Key, g => g.Select(c => c.Channel).ToArray()), Frequency.Immediate, Now);
        subscriber.Confirm(Channel.Email, _ => true, Now);
        subscriber.Confirm(Channel.Sms, _ => true, Now);
        return subscriber;
    }

    [Fact]
    public void Only_the_channels_chosen_for_the_topic_are_used()
    {
        var subscriber = Member([], [], [], (Topics.CrimePrevention, Channel.Sms), (Topics.Meetings, Channel.Email));
        var crime = new AudienceRule(Topics.CrimePrevention, [], [], []);

        Assert.True(crime.Matches(subscriber, Channel.Sms));
        Assert.False(crime.Matches(subscriber, Channel.Email));
        Assert.False(new AudienceRule(Topics.Grants, [], [], []).Matches(subscriber, Channel.Email));
    }

    [Fact]
    public void A_county_wide_subscriber_hears_of_every_place_and_a_county_wide_notice_reaches_every_place()
    {
        var countyWide = Member([], [], [], (Topics.Rural, Channel.Email));
        var highPeak = Member(["High Peak"], [], [], (Topics.Rural, Channel.Email));

        Assert.True(new AudienceRule(Topics.Rural, ["Erewash"], [], []).Matches(countyWide, Channel.Email));
        Assert.True(new AudienceRule(Topics.Rural, [], [], []).Matches(highPeak, Channel.Email));
        Assert.False(new AudienceRule(Topics.Rural, ["Erewash"], [], []).Matches(highPeak, Channel.Email));
    }

    [Fact]
    public void A_district_reaches_its_wards_and_a_ward_reaches_its_district_but_not_other_wards()
    {
        var longEaton = Member([], ["Erewash/Long Eaton Central"], [], (Topics.CrimePrevention, Channel.Email));
        var erewash = Member(["Erewash"], [], [], (Topics.CrimePrevention, Channel.Email));

        Assert.True(new AudienceRule(Topics.CrimePrevention, ["Erewash"], [], []).Matches(longEaton, Channel.Email));
        Assert.True(new AudienceRule(Topics.CrimePrevention, [], ["Erewash/Long Eaton Central"], []).Matches(erewash, Channel.Email));
        Assert.True(new AudienceRule(Topics.CrimePrevention, [], ["Erewash/Long Eaton Central"], []).Matches(longEaton, Channel.Email));
        Assert.False(new AudienceRule(Topics.CrimePrevention, [], ["Erewash/Ilkeston Central"], []).Matches(longEaton, Channel.Email));
        Assert.False(new AudienceRule(Topics.CrimePrevention, ["Bolsover"], [], []).Matches(longEaton, Channel.Email));
    }

    [Fact]
    public void Naming_groups_narrows_the_audience_to_their_members()
    {
        var farmWatch = Member(["Derbyshire Dales"], [], [Groups.FarmWatch], (Topics.Rural, Channel.Email));
        var neighbour = Member(["Derbyshire Dales"], [], ["neighbourhood-watch/matlock-bath"], (Topics.Rural, Channel.Email));
        var rule = new AudienceRule(Topics.Rural, ["Derbyshire Dales"], [], [Groups.FarmWatch]);

        Assert.True(rule.Matches(farmWatch, Channel.Email));
        Assert.False(rule.Matches(neighbour, Channel.Email));
    }

    [Fact]
    public void Nothing_reaches_an_address_before_it_is_confirmed_or_after_it_is_unsubscribed()
    {
        var subscriber = Subscriber.Create("new@example.org", null, null, [], [], [], Fixtures.Topics(Channel.Email, Topics.Meetings), Frequency.Immediate, Now);
        var rule = new AudienceRule(Topics.Meetings, [], [], []);

        Assert.False(rule.Matches(subscriber, Channel.Email));
        subscriber.Confirm(Channel.Email, _ => true, Now);
        Assert.True(rule.Matches(subscriber, Channel.Email));
        subscriber.Unsubscribe(Channel.Email);
        Assert.False(rule.Matches(subscriber, Channel.Email));
    }

    [Theory]
    [InlineData("erewash", "Erewash")]
    [InlineData("DERBY", "Derby City")]
    [InlineData("north-east-derbyshire", "North East Derbyshire")]
    [InlineData("Gotham", null)]
    public void Areas_are_named_one_way(string given, string? canonical) => Assert.Equal(canonical, Areas.Canonical(given));

    [Theory]
    [InlineData("erewash/Long  Eaton Central", "Erewash/Long Eaton Central")]
    [InlineData("Gotham/Central", null)]
    [InlineData("Erewash/", null)]
    [InlineData("Erewash/<b>x</b>", null)]
    public void Wards_are_named_within_an_area(string given, string? canonical) => Assert.Equal(canonical, Wards.Canonical(given));

    [Theory]
    [InlineData("Farm-Watch", "farm-watch")]
    [InlineData("neighbourhood-watch/long-eaton-east", "neighbourhood-watch/long-eaton-east")]
    [InlineData("neighbourhood-watch/", null)]
    [InlineData("book-club", null)]
    public void Groups_are_the_watch_schemes(string given, string? canonical) => Assert.Equal(canonical, Groups.Canonical(given));
}
