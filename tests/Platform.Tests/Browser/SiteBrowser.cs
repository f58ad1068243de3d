using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using PanelPlatform.TestInfrastructure;

namespace PanelPlatform.Platform.Tests.Browser;

/// <summary>
/// Debian's Chromium headless shell, driven by Playwright, once for the test assembly; each test opens its own context
/// (its own cookies) on the gateway, the only address the site has. The shell is what Playwright itself runs headless
/// tests on. The full browser's <c>--headless</c> mode is reported to stop producing animation frames at times, and
/// Playwright's "stable" check before a click needs them: a click on the figures page in CI waited on that check for
/// its whole 30 s. That fits, but was not proven to be the cause.
/// </summary>
public sealed class SiteBrowser : IAsyncLifetime
{
    public const string ChromiumPath = "/usr/bin/chromium-headless-shell";

    private IPlaywright _playwright = null!;

    public IBrowser Browser { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        Assert.True(File.Exists(ChromiumPath), $"{ChromiumPath} is missing: run deploy/local/install-deps.sh (Debian's chromium-headless-shell package).");
        // Expectations wait as long as a page may take on a machine shared with the other test projects.
        Assertions.SetDefaultExpectTimeout(20_000);
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            // This machine's network is closed: without these Chromium keeps trying Google's hosts.
            Args =
            [
                "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage",
            ],
        });
    }

    /// <summary>A fresh visitor: no cookies, English (UK), London time, a laptop-sized window.</summary>
    public async Task<SitePage> OpenAsync(Uri gateway, string testName)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = gateway.ToString().TrimEnd('/'),
            Locale = "en-GB",
            TimezoneId = "Europe/London",
            ViewportSize = new ViewportSize { Width = 1280, Height = 900 },
        });
        context.SetDefaultTimeout(30_000);
        return new SitePage(context, await context.NewPageAsync(), gateway, testName);
    }

    public async ValueTask DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.CloseAsync();
        }

        _playwright?.Dispose();
    }
}

/// <summary>One visitor's tab: screenshots kept as test artifacts, the axe-core check, and every address the browser asked for.</summary>
public sealed class SitePage : IAsyncDisposable
{
    private static readonly Lazy<string> AxeSource = new(() => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "axe", "axe.min.js")));
    private readonly IBrowserContext _context;
    private readonly Uri _gateway;
    private readonly string _testName;
    private readonly List<string> _requested = [];
    private readonly HashSet<IRequest> _pending = [];
    private int _screenshots;

    internal SitePage(IBrowserContext context, IPage page, Uri gateway, string testName)
    {
        _context = context;
        Page = page;
        _gateway = gateway;
        _testName = testName;
        page.Request += (_, request) =>
        {
            lock (_requested)
            {
                _requested.Add(request.Url);
                _pending.Add(request);
            }
        };
        page.RequestFinished += (_, request) => Finished(request);
        page.RequestFailed += (_, request) => Finished(request);
    }

    private void Finished(IRequest request)
    {
        lock (_requested)
        {
            _pending.Remove(request);
        }
    }

    /// <summary>The requests the page is still waiting for: what keeps its load event from firing.</summary>
    public string Pending()
    {
        lock (_requested)
        {
            return _pending.Count == 0 ? "none" : string.Join(", ", _pending.Select(r => $"{r.Method} {r.Url}"));
        }
    }

    public IPage Page { get; }

    /// <summary>Where screenshots go: beside the test results (<c>artifacts/test-results/screenshots</c> in CI).</summary>
    public static string ScreenshotDirectory
    {
        get
        {
            var log = Environment.GetEnvironmentVariable("PANEL_TEST_LOG");
            var root = string.IsNullOrEmpty(log) ? Path.Combine(Path.GetTempPath(), "panel-platform-screenshots") : Path.GetDirectoryName(log)!;
            return Directory.CreateDirectory(Path.Combine(root, "screenshots")).FullName;
        }
    }

    public async Task<IResponse> GoToAsync(string path)
    {
        var response = await Page.GotoAsync(path);
        Assert.NotNull(response);
        return response;
    }

    /// <summary>The development account of each role (services/Identity seeds them; AppHost sets the password).</summary>
    public static string AccountOf(string role) => $"{role}@panel.test";

    public const string DevelopmentPassword = "Panel-dev-password-1";

    /// <summary>
    /// Signs in to the staff console as the role's development account, as a member of staff does: the console sends
    /// the browser to the identity service's sign-in page (through the gateway), which sends it back signed in.
    /// </summary>
    public async Task SignInAsync(string role, string landOn = "/console")
    {
        await GoToAsync(landOn);
        await Page.WaitForURLAsync(url => new Uri(url).AbsolutePath.StartsWith("/identity/", StringComparison.Ordinal));
        await Page.GetByLabel("Email address").FillAsync(AccountOf(role));
        await Page.GetByLabel("Password").FillAsync(DevelopmentPassword);
        await Page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        try
        {
            // Polls the address and the page rather than waiting for navigation events: twice in CI the browser stood
            // on the page, loaded ("NetworkIdle" fired), while WaitForURL or WaitForLoadState still waited for its
            // DOMContentLoaded. The header's "Sign out" button is what a signed-in page shows.
            await Assertions.Expect(Page).ToHaveURLAsync(
                new Regex($"^[a-z]+://[^/]+{Regex.Escape(landOn)}([?#].*)?$", RegexOptions.IgnoreCase), new() { Timeout = 30_000 });
            await Assertions.Expect(Page.GetByRole(AriaRole.Button, new() { Name = "Sign out" })).ToBeVisibleAsync(new() { Timeout = 30_000 });
        }
        catch (PlaywrightException e)
        {
            // Where the browser was left, and what it still waits for, says which leg of the sign-in did not come back.
            var heading = await Page.Locator("h1").AllInnerTextsAsync();
            throw new TimeoutException(
                $"Signing in as {role} did not land on {landOn}: the browser is at {Page.Url} ('{string.Join(" / ", heading)}'), waiting for {Pending()}. {e.Message}", e);
        }
    }

    /// <summary>A full-page screenshot named after the test and the step.</summary>
    public async Task<string> ScreenshotAsync(string step)
    {
        var file = Path.Combine(ScreenshotDirectory, $"{_testName}-{++_screenshots:00}-{step}.png");
        await Page.ScreenshotAsync(new PageScreenshotOptions { Path = file, FullPage = true });
        return file;
    }

    /// <summary>
    /// Runs axe-core (WCAG 2.0, 2.1 and 2.2, levels A and AA) on the page as it is now and fails on any serious or
    /// critical violation, naming the rule, the elements and how to fix it.
    /// </summary>
    public async Task AssertAccessibleAsync()
    {
        // Evaluated through the DevTools protocol, so the site's Content-Security-Policy (no inline scripts) stays on.
        await Page.EvaluateAsync(AxeSource.Value);
        var result = await Page.EvaluateAsync<JsonElement>(
            "async () => await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] } })");
        var failures = result.GetProperty("violations").EnumerateArray()
            .Where(v => v.GetProperty("impact").GetString() is "serious" or "critical")
            .Select(v => $"{v.GetProperty("id").GetString()} ({v.GetProperty("impact").GetString()}): {v.GetProperty("help").GetString()} — " +
                         string.Join("; ", v.GetProperty("nodes").EnumerateArray().Take(5).Select(n => n.GetProperty("target").ToString())))
            .ToList();
        Assert.True(failures.Count == 0, $"axe-core on {Page.Url}:{Environment.NewLine}{string.Join(Environment.NewLine, failures)}");
    }

    /// <summary>Every address the browser has asked for was the gateway's: no page sends it to a service directly.</summary>
    public void AssertOnlyTheGatewayWasAsked()
    {
        List<string> requested;
        lock (_requested)
        {
            requested = [.. _requested];
        }

        var elsewhere = requested.Where(url => url.StartsWith("http", StringComparison.Ordinal) &&
                                               !new Uri(url).GetLeftPart(UriPartial.Authority).Equals(_gateway.GetLeftPart(UriPartial.Authority), StringComparison.OrdinalIgnoreCase))
            .ToList();
        Assert.True(requested.Count > 0, "The browser made no requests at all.");
        Assert.True(elsewhere.Count == 0, $"The browser asked addresses other than the gateway {_gateway}: {string.Join(", ", elsewhere.Distinct())}");
    }

    public async ValueTask DisposeAsync() => await _context.CloseAsync();
}
