using PanelPlatform.Notifications.Domain;

namespace PanelPlatform.Notifications.Channels;

/// <summary><c>Notifications:Delivery</c> configuration.</summary>
public sealed class DeliveryOptions
{
    public const string SectionName = "Notifications:Delivery";

    public int BatchSize { get; set; } = 500;

    /// <summary>Claim loops per process: while one lane writes its outcomes, another sends.</summary>
    public int Lanes { get; set; } = 2;

    public int MaxConcurrentSends { get; set; } = 64;
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>How long one worker owns a claimed delivery; if it dies, another takes it after this.</summary>
    public TimeSpan Lease { get; set; } = TimeSpan.FromSeconds(60);

    public TimeSpan SendTimeout { get; set; } = TimeSpan.FromSeconds(10);
    public int MaxAttempts { get; set; } = RetryPolicy.Default.MaxAttempts;
    public TimeSpan RetryBaseDelay { get; set; } = RetryPolicy.Default.BaseDelay;
    public TimeSpan RetryMaxDelay { get; set; } = RetryPolicy.Default.MaxDelay;

    /// <summary>Where links in messages point (the gateway's public address).</summary>
    public Uri PublicBaseUrl { get; set; } = new("http://localhost:5080");

    /// <summary>London wall-clock time the daily digest goes out.</summary>
    public TimeOnly DigestTime { get; set; } = new(7, 0);

    public RetryPolicy RetryPolicy => new(MaxAttempts, RetryBaseDelay, RetryMaxDelay);
}

/// <summary>How email leaves: GOV.UK Notify's REST API in production, an SMTP server (smtp4dev) in development.</summary>
public enum EmailProvider
{
    Smtp,
    Notify,
}

/// <summary><c>Notifications:Email</c>: the provider, and the SMTP server (smtp4dev in development).</summary>
public sealed class EmailOptions
{
    public const string SectionName = "Notifications:Email";

    public EmailProvider Provider { get; set; } = EmailProvider.Smtp;

    /// <summary>With <see cref="EmailProvider.Notify"/>: the Notify email template, subject <c>((subject))</c>, body <c>((body))</c>.</summary>
    public string? NotifyTemplateId { get; set; }

    public string Host { get; set; } = "localhost";
    public int Port { get; set; } = 25;

    /// <summary><c>None</c>, <c>StartTls</c>, <c>StartTlsWhenAvailable</c> or <c>SslOnConnect</c>.</summary>
    public MailKit.Security.SecureSocketOptions Security { get; set; } = MailKit.Security.SecureSocketOptions.StartTlsWhenAvailable;

    public string? Username { get; set; }
    public string? Password { get; set; }
    public string FromName { get; set; } = "Derbyshire Alert";
    public string FromAddress { get; set; } = "alerts@derbyshire-alert.example";

    /// <summary>Connections kept open to the server; sends beyond this wait for one.</summary>
    public int MaxConnections { get; set; } = 4;

    /// <summary>A kept connection quiet for longer is closed rather than reused: below the server's own idle timeout.</summary>
    public TimeSpan MaxIdle { get; set; } = TimeSpan.FromSeconds(20);
}

/// <summary><c>Notifications:Sms</c>: GOV.UK Notify.</summary>
public sealed class SmsOptions
{
    public const string SectionName = "Notifications:Sms";

    public Uri BaseUrl { get; set; } = new("https://api.notifications.service.gov.uk");

    /// <summary>A Notify API key: <c>{name}-{service id}-{secret}</c>. Without one, texts wait and retry.</summary>
    public string? ApiKey { get; set; }

    /// <summary>The Notify text template with one <c>((body))</c> placeholder.</summary>
    public string TemplateId { get; set; } = "";

    /// <summary>The bearer token Notify presents on delivery receipts.</summary>
    public string? CallbackToken { get; set; }
}
