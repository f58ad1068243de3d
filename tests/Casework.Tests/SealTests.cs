using System.Security.Claims;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using PanelPlatform.Casework.Domain;
using PanelPlatform.Casework.Endpoints;
using PanelPlatform.Casework.Security;
using PanelPlatform.ServiceDefaults.Auth;

namespace PanelPlatform.Casework.Tests;

/// <summary>The seals on personal data, one by one: who may see it, what the sealed view holds, and the cipher.</summary>
public sealed class SealTests
{
    private static readonly JsonSerializerOptions Json = ServiceDefaultsExtensions.ConfigureJson(new JsonSerializerOptions());
    private static readonly Person Someone = Person.Unique();

    private static ClaimsPrincipal User(params string[] roles) =>
        new(new ClaimsIdentity(roles.Select(r => new Claim(AuthOptions.RoleClaim, r)).Append(new Claim("sub", "someone")),
            "test", AuthOptions.NameClaim, AuthOptions.RoleClaim));

    public static TheoryData<string, bool> EveryRole()
    {
        var data = new TheoryData<string, bool>();
        foreach (var role in Roles.All)
        {
            data.Add(role, role is Roles.Caseworker or Roles.Admin);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(EveryRole))]
    public void Only_caseworkers_and_admin_may_see_personal_data(string role, bool maySee)
    {
        Assert.Equal(maySee, PersonalData.MaySee(User(role)));
    }

    [Fact]
    public void The_public_and_a_token_without_roles_may_not_see_personal_data()
    {
        Assert.False(PersonalData.MaySee(new ClaimsPrincipal(new ClaimsIdentity())));
        Assert.False(PersonalData.MaySee(User()));
    }

    private static Case SomeCase() => Case.Open("OPCC-2026-000042", CaseType.ComplaintReview, CaseChannel.WebForm,
        new DateTimeOffset(2026, 3, 3, 10, 0, 0, TimeSpan.Zero), new Subject(Someone.Name, Someone.Email, Someone.Phone, Someone.Address),
        Someone.Summary, Someone.Description, new DateOnly(2026, 1, 5), new ClockPolicy(), "public", new DateTimeOffset(2026, 3, 3, 10, 0, 0, TimeSpan.Zero));

    [Fact]
    public void The_sealed_view_holds_type_dates_status_and_clocks_and_nothing_personal()
    {
        var view = CaseViews.Sealed(SomeCase(), new ClockPolicy(), new DateOnly(2026, 3, 5));

        var json = JsonSerializer.Serialize(view, Json);

        Assert.All(Someone.Traces, trace => Assert.DoesNotContain(trace, json, StringComparison.Ordinal));
        var properties = JsonDocument.Parse(json).RootElement.EnumerateObject().Select(p => p.Name).ToHashSet();
        Assert.Equal(SealedProperties.Order(StringComparer.Ordinal), properties.Order(StringComparer.Ordinal));
        Assert.Contains("\"complaint-review\"", json, StringComparison.Ordinal);
        Assert.Contains("\"dueOn\":\"2026-03-10\"", json, StringComparison.Ordinal);
    }

    private static readonly string[] SealedProperties =
        ["id", "reference", "type", "channel", "receivedAt", "status", "outcome", "acknowledgedAt", "respondedAt", "closedAt", "referredToPanelAt", "anonymisedAt", "clocks"];

    [Fact]
    public void The_sealed_list_row_holds_nothing_personal()
    {
        var item = CaseViews.ListItem(SomeCase(), new ClockPolicy(), new DateOnly(2026, 3, 5), restricted: null);

        var json = JsonSerializer.Serialize(item, Json);

        Assert.All(Someone.Traces, trace => Assert.DoesNotContain(trace, json, StringComparison.Ordinal));
        Assert.DoesNotContain("restricted", json, StringComparison.Ordinal);
    }

    [Fact]
    public void The_case_file_names_every_personal_field_it_carries_for_the_audit()
    {
        var file = CaseViews.File(SomeCase(), null, [new NoteView(Guid.NewGuid(), "note", "Caseworker", DateTimeOffset.UtcNow)], [], []);

        Assert.Equal(["subject.name", "subject.email", "subject.phone", "subject.address", "summary", "description", "notes"], file.PersonalFields());
        Assert.Empty(CaseViews.File(Anonymised(), null, [], [], []).PersonalFields());
    }

    private static Case Anonymised()
    {
        var c = SomeCase();
        c.Acknowledge(c.CreatedAt);
        c.Close(CaseOutcome.OutOfTime, c.CreatedAt);
        c.Anonymise(c.CreatedAt);
        return c;
    }

    private static FieldCipher Cipher(string active = "k1") => new(active, new Dictionary<string, byte[]>
    {
        ["k1"] = Convert.FromBase64String(CaseworkService.KeyOne),
        ["k2"] = Convert.FromBase64String(CaseworkService.KeyTwo),
    });

    [Fact]
    public void Encrypted_text_names_its_key_hides_the_value_and_differs_every_time()
    {
        var cipher = Cipher();

        var once = cipher.Encrypt(Someone.Name, "cases.subject_name");
        var twice = cipher.Encrypt(Someone.Name, "cases.subject_name");

        Assert.StartsWith("v1.k1.", once, StringComparison.Ordinal);
        Assert.DoesNotContain(Someone.Tag, once, StringComparison.Ordinal);
        Assert.NotEqual(once, twice);
        Assert.Equal(Someone.Name, cipher.Decrypt(once, "cases.subject_name"));
    }

    [Fact]
    public void A_value_moved_to_another_column_or_tampered_with_does_not_decrypt()
    {
        var cipher = Cipher();
        var stored = cipher.Encrypt(Someone.Email, "cases.subject_email");
        var tampered = stored[..^2] + (stored[^2] == 'A' ? "B" : "A") + stored[^1];

        Assert.ThrowsAny<CryptographicException>(() => cipher.Decrypt(stored, "cases.summary"));
        Assert.ThrowsAny<CryptographicException>(() => cipher.Decrypt(tampered, "cases.subject_email"));
        Assert.ThrowsAny<CryptographicException>(() => cipher.Decrypt(Someone.Email, "cases.subject_email"));
    }

    [Fact]
    public void After_rotation_old_values_still_read_and_new_ones_use_the_new_key()
    {
        var old = Cipher("k1").Encrypt(Someone.Address, "cases.subject_address");
        var rotated = Cipher("k2");

        Assert.Equal(Someone.Address, rotated.Decrypt(old, "cases.subject_address"));
        Assert.Equal("k2", FieldCipher.KeyIdOf(rotated.Encrypt(Someone.Address, "cases.subject_address")));
        var withoutOldKey = new FieldCipher("k2", new Dictionary<string, byte[]> { ["k2"] = Convert.FromBase64String(CaseworkService.KeyTwo) });
        Assert.ThrowsAny<CryptographicException>(() => withoutOldKey.Decrypt(old, "cases.subject_address"));
    }

    [Fact]
    public void Encrypted_bytes_round_trip_and_hide_the_content()
    {
        var cipher = Cipher();
        var content = System.Text.Encoding.UTF8.GetBytes(Someone.Description);

        var stored = cipher.Encrypt(content, "case_documents.content");

        Assert.Equal("k1", FieldCipher.KeyIdOf(stored));
        Assert.DoesNotContain(Someone.Tag, System.Text.Encoding.UTF8.GetString(stored), StringComparison.Ordinal);
        Assert.Equal(content, cipher.Decrypt(stored, "case_documents.content"));
    }

    [Fact]
    public void Keys_must_be_AES_256_and_the_active_one_configured()
    {
        Assert.Throws<ArgumentException>(() => new FieldCipher("k1", new Dictionary<string, byte[]> { ["k1"] = new byte[16] }));
        Assert.Throws<ArgumentException>(() => new FieldCipher("k3", new Dictionary<string, byte[]> { ["k1"] = new byte[32] }));
        Assert.Throws<ArgumentException>(() => new FieldCipher("bad.id", new Dictionary<string, byte[]> { ["bad.id"] = new byte[32] }));
    }

    [Fact]
    public void Outside_development_the_service_will_not_start_without_keys()
    {
        var production = new TestEnvironment(Environments.Production);

        var refused = Assert.Throws<InvalidOperationException>(() =>
            CaseworkSecurity.Create(new EncryptionOptions(), DevelopmentTokens.NewSigningKey(), production));

        Assert.Contains("Casework:Encryption:Keys", refused.Message, StringComparison.Ordinal);
        Assert.Equal("dev", CaseworkSecurity.Create(new EncryptionOptions(), DevelopmentTokens.NewSigningKey(), new TestEnvironment(Environments.Development)).Cipher.ActiveKeyId);
    }

    [Fact]
    public void Fingerprints_match_the_same_person_however_they_write_their_details()
    {
        var fingerprints = new SubjectFingerprints("k1", new Dictionary<string, byte[]> { ["k1"] = Convert.FromBase64String(CaseworkService.KeyOne) });

        Assert.Equal(fingerprints.Email("Philippa@Example.org "), fingerprints.Email("philippa@example.org"));
        Assert.Equal(fingerprints.Phone("+44 7700 900123"), fingerprints.Phone("07700 900123"));
        Assert.Equal(fingerprints.Phone("0044 7700 900123"), fingerprints.Phone("07700900123"));
        Assert.NotEqual(fingerprints.Email("philippa@example.org"), fingerprints.Email("philip@example.org"));
        Assert.Null(fingerprints.Phone(" "));
        Assert.DoesNotContain("philippa", fingerprints.Email("philippa@example.org")!, StringComparison.Ordinal);
    }

    [Fact]
    public void After_a_rotation_new_fingerprints_use_the_new_key_and_searches_still_match_the_old_ones()
    {
        var one = Convert.FromBase64String(CaseworkService.KeyOne);
        var two = Convert.FromBase64String(CaseworkService.KeyTwo);
        var before = new SubjectFingerprints("k1", new Dictionary<string, byte[]> { ["k1"] = one });
        var during = new SubjectFingerprints("k2", new Dictionary<string, byte[]> { ["k1"] = one, ["k2"] = two });
        var after = new SubjectFingerprints("k2", new Dictionary<string, byte[]> { ["k2"] = two });

        Assert.NotEqual(before.Email("philippa@example.org"), during.Email("philippa@example.org"));
        Assert.Equal(after.Email("philippa@example.org"), during.Email("philippa@example.org"));
        Assert.Contains(before.Email("philippa@example.org")!, during.EmailCandidates("Philippa@example.org"));
        Assert.Contains(before.Phone("01332 123456")!, during.PhoneCandidates("+44 1332 123456"));
        Assert.Equal([after.Phone("01332 123456")!], after.PhoneCandidates("01332 123456"));
        Assert.Empty(during.EmailCandidates(" "));
    }

    [Fact]
    public void The_keys_are_read_from_the_deployment_s_environment_variable_names()
    {
        // A prefix of our own keeps this test's variables away from every other host in the process.
        var prefix = $"CASEWORK_TEST_{Guid.NewGuid():N}_";
        var variables = new Dictionary<string, string>
        {
            [$"{prefix}Casework__Encryption__ActiveKeyId"] = "2026-11",
            [$"{prefix}Casework__Encryption__Keys__2026-01"] = CaseworkService.KeyOne,
            [$"{prefix}Casework__Encryption__Keys__2026-11"] = CaseworkService.KeyTwo,
        };
        try
        {
            foreach (var (name, value) in variables)
            {
                Environment.SetEnvironmentVariable(name, value);
            }

            var configuration = new ConfigurationBuilder().AddEnvironmentVariables(prefix).Build();
            var options = EncryptionOptions.From(configuration);
            var (cipher, _) = CaseworkSecurity.Create(options, null, new TestEnvironment(Environments.Production));

            Assert.Equal("2026-11", cipher.ActiveKeyId);
            Assert.Equal(["2026-01", "2026-11"], options.Keys.Keys.Order());
            var old = new FieldCipher("2026-01", new Dictionary<string, byte[]> { ["2026-01"] = Convert.FromBase64String(CaseworkService.KeyOne) });
            Assert.Equal("Ripley", cipher.Decrypt(old.Encrypt("Ripley", "cases.subject_name"), "cases.subject_name"));
        }
        finally
        {
            foreach (var name in variables.Keys)
            {
                Environment.SetEnvironmentVariable(name, null);
            }
        }
    }

    private sealed class TestEnvironment(string name) : IHostEnvironment
    {
        public string EnvironmentName { get; set; } = name;
        public string ApplicationName { get; set; } = "casework";
        public string ContentRootPath { get; set; } = "/";
        public Microsoft.Extensions.FileProviders.IFileProvider ContentRootFileProvider { get; set; } = null!;
    }
}
