using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;
using PanelPlatform.Questions.Abuse;
using PanelPlatform.ServiceDefaults.Auth;

namespace PanelPlatform.Questions.Tests.Rules;

public sealed class ConfirmationTokenTests
{
    private static readonly DateTimeOffset Now = new(2023, 10, 20, 17, 30, 0, TimeSpan.Zero);

    private static ConfirmationTokens Tokens(string? key = null, string? signingKey = null)
    {
        var options = Options.Create(new QuestionsOptions { Confirmation = { Key = key, Lifetime = TimeSpan.FromHours(48) } });
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Auth:SigningKey"] = signingKey }).Build();
        return new ConfirmationTokens(new QuestionKeys(options, configuration), options);
    }

    [Fact]
    public void A_token_names_its_question_until_it_expires()
    {
        var tokens = Tokens(DevelopmentTokens.NewSigningKey());
        var id = Guid.NewGuid();
        var token = tokens.Issue(id, Now);

        Assert.Equal(new ConfirmationCheck(ConfirmationResult.Valid, id), tokens.Check(token, Now.AddHours(47)));
        Assert.Equal(ConfirmationResult.Expired, tokens.Check(token, Now.AddHours(48)).Result);
        Assert.True(token.Length < 100);
    }

    [Fact]
    public void A_changed_token_or_one_signed_with_another_key_is_refused()
    {
        var tokens = Tokens(DevelopmentTokens.NewSigningKey());
        var token = tokens.Issue(Guid.NewGuid(), Now);
        var tampered = (token[5] == 'A' ? "B" : "A") is var c ? token[..5] + c + token[6..] : token;

        Assert.Equal(ConfirmationResult.Invalid, tokens.Check(tampered, Now).Result);
        Assert.Equal(ConfirmationResult.Invalid, Tokens(DevelopmentTokens.NewSigningKey()).Check(token, Now).Result);
        Assert.Equal(ConfirmationResult.Invalid, tokens.Check("not-a-token", Now).Result);
        Assert.Equal(ConfirmationResult.Invalid, tokens.Check("", Now).Result);
    }

    [Fact]
    public void Without_a_configured_key_every_replica_derives_the_same_one_from_the_signing_key()
    {
        var signingKey = DevelopmentTokens.NewSigningKey();
        var token = Tokens(signingKey: signingKey).Issue(Guid.NewGuid(), Now);

        Assert.Equal(ConfirmationResult.Valid, Tokens(signingKey: signingKey).Check(token, Now).Result);
        Assert.Throws<InvalidOperationException>(() => Tokens());
    }
}
