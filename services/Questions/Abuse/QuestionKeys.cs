using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace PanelPlatform.Questions.Abuse;

/// <summary>
/// The service's secret keys, from <c>Questions:Confirmation:Key</c>, or derived from the development signing key
/// so every replica started by the AppHost (or a test) agrees. Two purposes, two derived keys.
/// </summary>
public sealed class QuestionKeys
{
    public QuestionKeys(IOptions<QuestionsOptions> options, IConfiguration configuration)
    {
        var configured = options.Value.Confirmation.Key;
        byte[] secret;
        if (!string.IsNullOrWhiteSpace(configured))
        {
            secret = Convert.FromBase64String(configured);
            if (secret.Length < 32)
            {
                throw new InvalidOperationException("Questions:Confirmation:Key must be at least 32 bytes (base64).");
            }
        }
        else if (configuration["Auth:SigningKey"] is { Length: > 0 } signingKey)
        {
            secret = Convert.FromBase64String(signingKey);
        }
        else
        {
            throw new InvalidOperationException("Questions:Confirmation:Key is not configured.");
        }

        ConfirmationKey = HKDF.DeriveKey(HashAlgorithmName.SHA256, secret, 32, info: Encoding.UTF8.GetBytes("panel-platform:questions:confirmation"));
        ClientKey = HKDF.DeriveKey(HashAlgorithmName.SHA256, secret, 32, info: Encoding.UTF8.GetBytes("panel-platform:questions:client"));
    }

    public byte[] ConfirmationKey { get; }
    public byte[] ClientKey { get; }
}
