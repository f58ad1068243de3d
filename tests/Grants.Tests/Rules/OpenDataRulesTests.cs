using PanelPlatform.Grants.Access;
using PanelPlatform.Grants.OpenData;

namespace PanelPlatform.Grants.Tests.Rules;

public sealed class OpenDataRulesTests
{
    [Theory]
    [InlineData("2022-11-01", "2023-10-31", 12)]
    [InlineData("2022-11-15", "2023-02-14", 3)]
    [InlineData("2022-11-15", "2023-02-15", 4)]
    [InlineData("2022-11-01", "2022-11-01", 1)]
    public void Duration_counts_the_months_the_grant_spans(string start, string end, int months) =>
        Assert.Equal(months, ThreeSixtyGiving.Months(DateOnly.Parse(start, System.Globalization.CultureInfo.InvariantCulture), DateOnly.Parse(end, System.Globalization.CultureInfo.InvariantCulture)));

    [Fact]
    public void Csv_cells_with_commas_quotes_or_line_breaks_are_quoted()
    {
        var grant = new ThreeSixtyGiving.Grant("360G-x-1", "Signs, lights \"and\" more", "Line one\nline two", "GBP", 10m, 10m, "2022-10-14",
            [new ThreeSixtyGiving.Event("2022-11-01", "2023-10-31", 12)], [new ThreeSixtyGiving.Organization("GB-CHC-1012345", "Watch")],
            [new ThreeSixtyGiving.Organization("360G-x-funder", "PCC")], [], [new ThreeSixtyGiving.Programme("p", "P")], "Yes", null, "2022-10-14T10:00:00Z");

        var csv = ThreeSixtyGiving.ToCsv([grant]);

        Assert.Contains("\"Signs, lights \"\"and\"\" more\",\"Line one\nline two\",GBP,10.00,10.00,2022-10-14", csv, StringComparison.Ordinal);
        Assert.EndsWith("\r\n", csv, StringComparison.Ordinal);
    }
}

public sealed class ApplicantTokenTests
{
    private static readonly ApplicantTokens Tokens = new(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32));

    [Fact]
    public void A_token_opens_its_own_application_only()
    {
        var id = Guid.NewGuid();
        var token = Tokens.Issue(id);

        Assert.True(Tokens.Grants(token, id));
        Assert.False(Tokens.Grants(token, Guid.NewGuid()));
        Assert.False(Tokens.Grants(Tokens.Issue(Guid.NewGuid()), id));
    }

    [Fact]
    public void A_forged_or_altered_token_opens_nothing()
    {
        var id = Guid.NewGuid();
        var token = Tokens.Issue(id);
        var other = new ApplicantTokens(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32));

        Assert.False(Tokens.Grants(other.Issue(id), id));
        Assert.False(Tokens.Grants(token[..^1] + (token[^1] == 'A' ? 'B' : 'A'), id));
        Assert.False(Tokens.Grants($"{id:N}.", id));
        Assert.False(Tokens.Grants("", id));
        Assert.False(Tokens.Grants(null, id));
    }
}
