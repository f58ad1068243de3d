using PanelPlatform.Questions.Domain;
using PanelPlatform.Questions.Endpoints;

namespace PanelPlatform.Questions.Tests.Rules;

public sealed class PrivacyRulesTests
{
    [Fact]
    public void A_residents_name_is_published_only_with_consent_and_a_members_always()
    {
        Assert.Equal("Jo Bloggs", Asker.Resident("Jo Bloggs", "jo@example.org", null, null, consentToPublishName: true).PublishedName);
        Assert.Equal("a member of the public", Asker.Resident("Jo Bloggs", "jo@example.org", null, null, consentToPublishName: false).PublishedName);
        Assert.Equal("Cllr H Dhindsa", Asker.Member(Guid.NewGuid(), "Cllr H Dhindsa").PublishedName);
    }

    [Fact]
    public void Email_and_postcode_are_tidied_for_comparison()
    {
        var asker = Asker.Resident(" Jo Bloggs ", " Jo.Bloggs@Example.ORG ", " de4   3ag ", " ", false);

        Assert.Equal(("Jo Bloggs", "jo.bloggs@example.org", "DE4 3AG", null), (asker.Name, asker.Email, asker.Postcode, asker.Area));
    }

    [Fact]
    public void The_history_names_the_asker_only_as_the_asker()
    {
        var q = Question.SubmitPublic(Guid.NewGuid(), "b", "t", "text", Asker.Resident("Jo Bloggs", "jo@example.org", "DE4 3AG", null, true),
            Guid.NewGuid(), null, DateTimeOffset.UtcNow);
        q.ConfirmEmail(false, DateTimeOffset.UtcNow);

        Assert.All(q.History, t => Assert.Equal(("asker", "the asker"), (t.BySubject, t.ByName)));
    }

    [Theory]
    [InlineData("=HYPERLINK(\"http://evil\")", "\"'=HYPERLINK(\"\"http://evil\"\")\"")]
    [InlineData("+44 1629", "'+44 1629")]
    [InlineData("-1", "'-1")]
    [InlineData("@SUM(A1)", "'@SUM(A1)")]
    [InlineData("a, b", "\"a, b\"")]
    [InlineData("line\nbreak", "\"line\nbreak\"")]
    [InlineData("plain", "plain")]
    [InlineData(null, "")]
    public void Csv_cells_are_quoted_and_never_run_as_formulas(string? value, string expected)
    {
        Assert.Equal(expected, ExportEndpoints.Cell(value));
    }
}
