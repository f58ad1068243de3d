using PanelPlatform.Grants.Domain;

namespace PanelPlatform.Grants.Tests.Rules;

public sealed class RegistrationNumberTests
{
    [Theory]
    [InlineData("1012345", "1012345")]
    [InlineData("502731", "502731")]
    [InlineData(" 1012345-1 ", "1012345-1")]
    [InlineData("sc012345", "SC012345")]
    [InlineData("NIC 100012", "NIC100012")]
    public void Charity_numbers_of_the_three_registers_are_accepted_and_normalised(string given, string expected) =>
        Assert.Equal(expected, RegistrationNumbers.NormaliseCharityNumber(given));

    [Theory]
    [InlineData("12345")]
    [InlineData("123456789")]
    [InlineData("CH1012345")]
    [InlineData("SC12345")]
    [InlineData("10123A5")]
    public void Malformed_charity_numbers_are_rejected(string given) => Assert.Null(RegistrationNumbers.NormaliseCharityNumber(given));

    [Theory]
    [InlineData("01234567", "01234567")]
    [InlineData("1234567", "01234567")]
    [InlineData("sc123456", "SC123456")]
    [InlineData("OC 301234", "OC301234")]
    [InlineData("NI612345", "NI612345")]
    public void Company_numbers_are_accepted_and_normalised(string given, string expected) =>
        Assert.Equal(expected, RegistrationNumbers.NormaliseCompanyNumber(given));

    [Theory]
    [InlineData("12345")]
    [InlineData("123456789")]
    [InlineData("XX123456")]
    [InlineData("SC12345A")]
    public void Malformed_company_numbers_are_rejected(string given) => Assert.Null(RegistrationNumbers.NormaliseCompanyNumber(given));

    [Theory]
    [InlineData("1012345", null, "GB-CHC-1012345")]
    [InlineData("SC012345", null, "GB-SC-SC012345")]
    [InlineData("NIC100012", null, "GB-NIC-100012")]
    [InlineData(null, "01234567", "GB-COH-01234567")]
    [InlineData("1012345", "01234567", "GB-CHC-1012345")]
    [InlineData(null, null, null)]
    public void Registered_organisations_get_their_org_id(string? charity, string? company, string? expected) =>
        Assert.Equal(expected, RegistrationNumbers.OrgId(charity, company));
}
