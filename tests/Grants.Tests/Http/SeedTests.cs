using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PanelPlatform.Grants.Data;
using PanelPlatform.Grants.Domain;
using PanelPlatform.Grants.Tests.Support;
using PanelPlatform.ServiceDefaults.Auth;
using PanelPlatform.ServiceDefaults.Messaging;

namespace PanelPlatform.Grants.Tests.Http;

/// <summary>The seed fixture: the ASB Prevention Grant, the Road Safety Grant and the Community Safety Fund.</summary>
public sealed class SeedTests(GrantsService grants) : IClassFixture<GrantsService>
{
    private async Task<SeedLoader.Result> LoadAsync()
    {
        await using var scope = grants.Factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<SeedLoader>().LoadAsync();
    }

    [Fact]
    public async Task The_seed_holds_the_figures_of_the_Panel_pack()
    {
        await LoadAsync();

        var schemes = await grants.Api.Client().GetFromJsonAsync<JsonElement>("/api/grants/schemes");
        var closed = await grants.Api.Client().GetFromJsonAsync<JsonElement>("/api/grants/rounds?status=all&limit=200");
        JsonElement Round(string scheme) => closed.GetProperty("items").EnumerateArray().Single(r => r.GetProperty("schemeSlug").GetString() == scheme);

        var slugs = schemes.EnumerateArray().Select(s => s.GetProperty("slug").GetString()).ToList();
        Assert.Contains("asb-prevention-grant", slugs);
        Assert.Contains("road-safety-grant", slugs);
        Assert.Contains("community-safety-fund", slugs);
        var asb = Round("asb-prevention-grant");
        Assert.Equal(5_000m, asb.GetProperty("maximumAward").GetDecimal());
        Assert.Contains("parish-town-council", asb.GetProperty("eligibleOrganisationTypes").EnumerateArray().Select(t => t.GetString()));
        var road = Round("road-safety-grant");
        Assert.Equal("2022-12-16T23:59:00+00:00", road.GetProperty("closesAt").GetString());
        Assert.Equal("Derbyshire County Council (highway authority)", road.GetProperty("standardConditions")[0].GetProperty("requiresApprovalBy").GetString());
        Assert.Equal(["community-group", "parish-town-council", "charity", "non-profit"], road.GetProperty("eligibleOrganisationTypes").EnumerateArray().Select(t => t.GetString()));
        var fund = Round("community-safety-fund");
        Assert.Equal(250_000m, fund.GetProperty("budget").GetDecimal());
        Assert.False(fund.GetProperty("openCall").GetBoolean());
        Assert.Equal(["local-authority"], fund.GetProperty("eligibleOrganisationTypes").EnumerateArray().Select(t => t.GetString()));
        Assert.All(new[] { asb, road, fund }, r => Assert.Equal("closed", r.GetProperty("status").GetString()));
    }

    [Fact]
    public async Task The_admin_seed_endpoint_exists_only_in_Development()
    {
        var response = await grants.Api.Client(Roles.Admin).PostAsync("/api/grants/admin/seed", null);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}

/// <summary>Its own service and database: the other seed tests load the fixture too, in any order.</summary>
public sealed class SeedLoadTwiceTests(GrantsService grants) : IClassFixture<GrantsService>
{
    private async Task<SeedLoader.Result> LoadAsync()
    {
        await using var scope = grants.Factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<SeedLoader>().LoadAsync();
    }

    [Fact]
    public async Task Loading_twice_adds_the_three_schemes_and_their_rounds_once_and_announces_no_history()
    {
        var outboxBefore = await grants.QueryAsync(db => db.Set<OutboxMessage>().CountAsync());

        var first = await LoadAsync();
        var second = await LoadAsync();

        Assert.Equal(new SeedLoader.Result(3, 3), first);
        Assert.Equal(new SeedLoader.Result(0, 0), second);
        Assert.Equal(outboxBefore, await grants.QueryAsync(db => db.Set<OutboxMessage>().CountAsync()));
        var rounds = await grants.QueryAsync(db => db.Rounds.Where(r => r.ClosedAnnouncedAt == null).CountAsync());
        Assert.Equal(0, rounds);
    }
}
