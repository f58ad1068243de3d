using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace PanelPlatform.Deploy.Tests;

/// <summary>
/// The rule "no literal secret in the manifests". A variable whose name says it holds a secret (a password, key,
/// token, secret, or a connection string) either comes from a Secret (<c>valueFrom.secretKeyRef</c>), or its value
/// puts every credential together from variables that do: <c>Password=$(DATABASE_PASSWORD)</c>,
/// <c>amqp://$(RABBITMQ_USERNAME):$(RABBITMQ_PASSWORD)@host</c>.
/// </summary>
internal static partial class InlineSecrets
{
    private static readonly string[] SecretWords = ["password", "passwd", "pwd", "secret", "token", "key", "keys", "credential", "credentials"];

    public static bool NamesASecret(string name)
    {
        var lower = name.ToLowerInvariant();
        if (lower.StartsWith("connectionstrings__", StringComparison.Ordinal))
        {
            return true;
        }

        // Casework__Encryption__Keys__k1, Auth__SigningKey, DATABASE_PASSWORD, DASHBOARD__OTLP__PRIMARYAPIKEY; not ActiveKeyId.
        return lower.Split(['_'], StringSplitOptions.RemoveEmptyEntries)
            .Any(part => SecretWords.Any(word => part == word || part.EndsWith(word, StringComparison.Ordinal)));
    }

    /// <summary>What is wrong with one container's environment; empty when nothing is.</summary>
    public static IReadOnlyList<string> Problems(IReadOnlyList<JsonObject> env)
    {
        var fromSecrets = env.Where(e => e.SecretKeyRef() is not null).Select(e => (string)e["name"]!).ToHashSet();
        var problems = new List<string>();
        foreach (var variable in env)
        {
            var name = (string?)variable["name"] ?? "";
            if (!NamesASecret(name) || variable.SecretKeyRef() is not null)
            {
                continue;
            }

            if (variable["valueFrom"] is not null)
            {
                problems.Add($"{name} names a secret but comes from {variable["valueFrom"]!.ToJsonString()}, not a Secret");
                continue;
            }

            var value = (string?)variable["value"] ?? "";
            problems.AddRange(LiteralCredentials(name, value, fromSecrets));
        }

        return problems;
    }

    private static IEnumerable<string> LiteralCredentials(string name, string value, HashSet<string> fromSecrets)
    {
        bool FromSecret(string part) => Reference().Match(part) is { Success: true } m && m.Value == part && fromSecrets.Contains(m.Groups[1].Value);

        var credentials = new List<string>();
        foreach (Match uri in UriUserInfo().Matches(value))
        {
            credentials.Add(uri.Groups["password"].Value);
        }

        foreach (Match pair in PasswordPair().Matches(value))
        {
            credentials.Add(pair.Groups["password"].Value.Trim());
        }

        var isConnectionString = name.StartsWith("ConnectionStrings__", StringComparison.OrdinalIgnoreCase);
        if (!isConnectionString)
        {
            // A key, token or password variable: the whole value is the secret.
            credentials.Add(value);
        }

        foreach (var credential in credentials.Where(c => !FromSecret(c)))
        {
            yield return credential.Length == 0
                ? $"{name} has an empty credential"
                : $"{name} has a literal credential (\"{credential[..Math.Min(3, credential.Length)]}…\"); take it from a Secret";
        }
    }

    [GeneratedRegex(@"^\$\(([A-Za-z_][A-Za-z0-9_]*)\)$")]
    private static partial Regex Reference();

    [GeneratedRegex(@"[a-z][a-z0-9+.-]*://[^:@/\s]*:(?<password>[^@/\s]*)@", RegexOptions.IgnoreCase)]
    private static partial Regex UriUserInfo();

    [GeneratedRegex(@"(?:^|;)\s*(?:password|pwd|passwd)\s*=(?<password>[^;]*)", RegexOptions.IgnoreCase)]
    private static partial Regex PasswordPair();
}
