using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.Playwright;
using PanelPlatform.ServiceDefaults.Auth;

namespace PanelPlatform.Platform.Tests.Browser;

/// <summary>
/// The clerk's console in a real browser, through the gateway only: scheduling a meeting, building its agenda (reordered
/// by drag and drop, and with the keyboard on the move buttons), uploading a report, publishing the agenda, and the
/// public meeting page that follows.
/// </summary>
public sealed class ClerkMeetingTests(PlatformApp platform, SiteBrowser browser)
{
    /// <summary>A small PDF of three pages, padded to about 2 MB: bigger than the 1 MB most requests may be.</summary>
    private static byte[] ReportPdf()
    {
        var text = new StringBuilder("%PDF-1.4\n1 0 obj << /Type /Pages /Count 3 >> endobj\n");
        for (var i = 0; i < 3; i++)
        {
            text.Append(i + 2).Append(" 0 obj << /Type /Page /Parent 1 0 R >> endobj\n");
        }

        text.Append('%', 2 * 1024 * 1024).Append("\n%%EOF\n");
        return Encoding.ASCII.GetBytes(text.ToString());
    }

    /// <summary>
    /// A file on disk for the browser's file field. Given by path, Chromium reads it itself; given as bytes, they cross
    /// Playwright's protocol encoded (10 MB of them took over 30 s on the loaded CI machine).
    /// </summary>
    private sealed class FileToUpload : IDisposable
    {
        private readonly DirectoryInfo _directory = Directory.CreateTempSubdirectory("panel-upload-");

        public FileToUpload(string name, byte[] content)
        {
            Path = System.IO.Path.Combine(_directory.FullName, name);
            File.WriteAllBytes(Path, content);
        }

        public string Path { get; }

        public void Dispose() => _directory.Delete(recursive: true);
    }

    private static Task<IReadOnlyList<string>> TitlesAsync(IPage page) => page.Locator("[data-item-title]").AllInnerTextsAsync();

    [Fact]
    public async Task A_clerk_schedules_a_meeting_builds_and_reorders_its_agenda_uploads_a_report_and_publishes_it_for_the_public()
    {
        await ClerkData.EnsurePanelAsync(platform);
        var date = ClerkData.OwnDate();
        var suffix = Guid.NewGuid().ToString("N")[..8];
        var title = $"Police and Crime Panel {suffix}";
        await using var clerk = await browser.OpenAsync(platform.Gateway, nameof(A_clerk_schedules_a_meeting_builds_and_reorders_its_agenda_uploads_a_report_and_publishes_it_for_the_public));
        var page = clerk.Page;

        await clerk.SignInAsync(Roles.Clerk, "/console/meetings");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Meetings");
        await clerk.AssertAccessibleAsync();
        await clerk.ScreenshotAsync("meetings");

        // Schedule: the page's own checks first, shown as the GOV.UK error summary beside the fields.
        await page.GetByRole(AriaRole.Button, new() { Name = "Schedule a meeting" }).ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Schedule a meeting");
        await clerk.AssertAccessibleAsync();
        await page.GetByLabel("Body", new() { Exact = true }).SelectOptionAsync(ClerkData.PanelSlug);
        await page.GetByRole(AriaRole.Button, new() { Name = "Schedule meeting" }).ClickAsync();
        var summary = page.Locator(".govuk-error-summary");
        await Assertions.Expect(summary).ToContainTextAsync("Enter the meeting's title");
        await Assertions.Expect(summary).ToContainTextAsync("Enter the date of the meeting");
        await Assertions.Expect(page.Locator("#Title-error")).ToBeVisibleAsync();
        await clerk.AssertAccessibleAsync();
        await clerk.ScreenshotAsync("schedule-errors");

        await page.GetByLabel("Title", new() { Exact = true }).FillAsync(title);
        await page.GetByLabel("Day").FillAsync(date.Day.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await page.GetByLabel("Month").FillAsync(date.Month.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await page.GetByLabel("Year").FillAsync(date.Year.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await page.GetByLabel("Start time").FillAsync("10:00");
        await page.GetByLabel("End time (optional)").FillAsync("12:30");
        await page.GetByLabel("In person, at a venue").CheckAsync();
        await page.GetByLabel("Where").FillAsync("Council Chamber, County Hall, Matlock");
        await clerk.ScreenshotAsync("schedule");
        await page.GetByRole(AriaRole.Button, new() { Name = "Schedule meeting" }).ClickAsync();

        await ClerkData.BannerAsync(page, "Meeting scheduled");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync(title);
        await Assertions.Expect(page.Locator(".govuk-summary-list").First).ToContainTextAsync("Scheduled");
        var meetingId = Guid.Parse(new Uri(page.Url).AbsolutePath.Split('/')[^1]);
        await clerk.AssertAccessibleAsync();
        await clerk.ScreenshotAsync("meeting");

        // The agenda: three items, the second with its report's cover sheet.
        await page.GetByRole(AriaRole.Link, new() { Name = "Agenda", Exact = true }).ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Agenda");
        await clerk.AssertAccessibleAsync();
        await AddItemAsync(clerk, "Apologies for Absence", "apologies", null);
        await AddItemAsync(clerk, "Review of the Police and Crime Plan 2021-2025", "report", async () =>
        {
            await page.GetByLabel("Report title").FillAsync("Review of the Police and Crime Plan 2021-2025");
            await page.GetByLabel("Report by").FillAsync("Police and Crime Commissioner for Derbyshire");
            var report = page.GetByRole(AriaRole.Group, new() { Name = "Date of the report" });
            await report.GetByLabel("Day").FillAsync("17");
            await report.GetByLabel("Month").FillAsync("11");
            await report.GetByLabel("Year").FillAsync("2022");
            await page.GetByLabel("Purpose of the report").FillAsync("To inform the Panel of a proposed amendment to the Police and Crime Plan.");
            await page.GetByLabel("Recommendations (optional)").FillAsync("That the Panel notes the report.");
            await page.GetByLabel("Contact name (optional)").FillAsync("Andrew Dale");
        });
        await AddItemAsync(clerk, "Police and Crime Commissioner's Announcements", "announcements", null);
        Assert.Equal(["Apologies for Absence", "Review of the Police and Crime Plan 2021-2025", "Police and Crime Commissioner's Announcements"], await TitlesAsync(page));
        await clerk.AssertAccessibleAsync();
        await clerk.ScreenshotAsync("agenda");

        // Drag the announcements, by their handle, to the top of the agenda.
        var rows = page.Locator("tr[data-agenda-item]");
        var handle = rows.Nth(2).Locator("[data-drag-handle]");
        await Assertions.Expect(handle).ToBeVisibleAsync();
        await page.Locator("[data-agenda-items]").ScrollIntoViewIfNeededAsync();
        var from = (await handle.BoundingBoxAsync())!;
        var to = (await rows.Nth(0).BoundingBoxAsync())!;
        await page.Mouse.MoveAsync(from.X + from.Width / 2, from.Y + from.Height / 2);
        await page.Mouse.DownAsync();
        await page.Mouse.MoveAsync(from.X + from.Width / 2, to.Y + 4, new() { Steps = 12 });
        // Dropping it posts the agenda's form in its new order.
        await page.RunAndWaitForResponseAsync(() => page.Mouse.UpAsync(), r => r.Request.Method == "POST" && r.Url.Contains("handler=Order", StringComparison.Ordinal));
        await ClerkData.BannerAsync(page, "Agenda order saved");
        Assert.Equal(["Police and Crime Commissioner's Announcements", "Apologies for Absence", "Review of the Police and Crime Plan 2021-2025"], await TitlesAsync(page));
        await clerk.ScreenshotAsync("agenda-dragged");

        // Then with the keyboard: the move buttons are plain form posts.
        await page.GetByRole(AriaRole.Button, new() { Name = "Move down Apologies for Absence" }).FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await ClerkData.BannerAsync(page, "Item moved down");
        string[] order = ["Police and Crime Commissioner's Announcements", "Review of the Police and Crime Plan 2021-2025", "Apologies for Absence"];
        Assert.Equal(order, await TitlesAsync(page));
        await page.GetByRole(AriaRole.Button, new() { Name = "Number the items 1 to 3 in this order" }).ClickAsync();
        await ClerkData.BannerAsync(page, "Items numbered in their order");
        Assert.Equal(["1", "2", "3"], await page.Locator("[data-item-number]").AllInnerTextsAsync());
        await clerk.AssertAccessibleAsync();
        await clerk.ScreenshotAsync("agenda-reordered");

        // The report document, for the review item: about 2 MB, through the gateway both ways.
        await page.GetByRole(AriaRole.Link, new() { Name = "Back to the meeting" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Documents", Exact = true }).ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Documents");
        await clerk.AssertAccessibleAsync();
        var documentTitle = $"Police and Crime Plan review report {suffix}";
        await page.GetByLabel("Title").FillAsync(documentTitle);
        await page.GetByLabel("Kind of document").SelectOptionAsync("report");
        await page.GetByLabel("Agenda item").SelectOptionAsync(new SelectOptionValue { Label = "2. Review of the Police and Crime Plan 2021-2025" });
        var pdf = ReportPdf();
        using var report = new FileToUpload("plan-review.pdf", pdf);
        await page.GetByLabel("File").SetInputFilesAsync(report.Path);
        await page.GetByRole(AriaRole.Button, new() { Name = "Upload" }).ClickAsync();
        await ClerkData.BannerAsync(page, $"{documentTitle} uploaded");
        var row = page.Locator("tr", new() { Has = page.GetByRole(AriaRole.Link, new() { Name = documentTitle }) });
        await Assertions.Expect(row).ToContainTextAsync("PDF, 3 pages");
        await Assertions.Expect(row).ToContainTextAsync("2.0 MB");
        await Assertions.Expect(row).ToContainTextAsync("2. Review of the Police and Crime Plan 2021-2025");
        await clerk.AssertAccessibleAsync();
        await clerk.ScreenshotAsync("documents");

        // Publish: the notice rule's answer first (years ahead: on time, no urgency reason asked for).
        await page.GetByRole(AriaRole.Link, new() { Name = "Back to the meeting" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Publish the agenda" }).ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Publish the agenda");
        await Assertions.Expect(page.Locator("#notice-given")).ToContainTextAsync("(5 required)");
        await Assertions.Expect(page.GetByLabel("Reason for the urgency")).ToHaveCountAsync(0);
        await clerk.AssertAccessibleAsync();
        await clerk.ScreenshotAsync("publish");
        await page.GetByRole(AriaRole.Button, new() { Name = "Publish the agenda" }).ClickAsync();
        await ClerkData.BannerAsync(page, "Agenda published, with");
        await Assertions.Expect(page.Locator(".govuk-summary-list").First).ToContainTextAsync("Agenda published");
        await clerk.AssertAccessibleAsync();
        await clerk.ScreenshotAsync("published");

        // The public page: the agenda in its new order, with the report.
        await clerk.GoToAsync($"/meetings/{meetingId}");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync(title);
        var headings = await page.Locator(".site-agenda__item h3").AllInnerTextsAsync();
        Assert.Equal(order.Select((t, i) => $"{i + 1}. {t}"), headings.Select(h => h.Trim()));
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = documentTitle })).ToBeVisibleAsync();
        await clerk.ScreenshotAsync("public-meeting");
        clerk.AssertOnlyTheGatewayWasAsked();

        // And through the API, as the public: published, in that order, with the document.
        var published = await platform.Client().GetFromJsonAsync<JsonElement>($"/api/meetings/meetings/{meetingId}");
        Assert.True(published.GetProperty("agendaPublished").GetBoolean());
        Assert.Equal("agenda-published", published.GetProperty("status").GetString());
        var items = published.GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(order, items.Select(i => i.GetProperty("title").GetString()));
        var document = Assert.Single(items[1].GetProperty("documents").EnumerateArray());
        Assert.Equal((documentTitle, pdf.LongLength, "application/pdf"),
            (document.GetProperty("title").GetString(), document.GetProperty("sizeBytes").GetInt64(), document.GetProperty("contentType").GetString()));
        Assert.Equal("Police and Crime Commissioner for Derbyshire", items[1].GetProperty("report").GetProperty("reportBy").GetString());
    }

    [Fact]
    public async Task A_document_of_up_to_10_MB_goes_through_the_gateway_and_the_console_refuses_a_bigger_one_beside_the_field()
    {
        await ClerkData.EnsurePanelAsync(platform);
        var api = platform.Client(Roles.Clerk);
        var created = await api.PostAsJsonAsync("/api/meetings/meetings", new
        {
            bodySlug = ClerkData.PanelSlug,
            title = $"Police and Crime Panel {Guid.NewGuid().ToString("N")[..8]}",
            startsAt = PanelPlatform.ServiceDefaults.Time.UkTime.FromLondon(ClerkData.OwnDate(), new TimeOnly(10, 0)),
            location = "Council Chamber, County Hall, Matlock",
        });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var meetingId = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();

        // Through the gateway to the API: nearly 10 MB is taken, more than the gateway lets a document be is not.
        var large = new ByteArrayContent(new byte[(int)(9.5 * 1024 * 1024)]);
        large.Headers.ContentType = new("application/pdf");
        var upload = await api.PostAsync($"/api/meetings/meetings/{meetingId}/documents?title=Appendix%20A&kind=appendix", large);
        Assert.True(upload.StatusCode == HttpStatusCode.Created, await upload.Content.ReadAsStringAsync());
        // (Asking first, as a client should with a body this big: the gateway answers before any of it is sent.)
        using var tooLarge = new HttpRequestMessage(HttpMethod.Post, $"/api/meetings/meetings/{meetingId}/documents?title=Appendix%20B&kind=appendix")
        {
            Content = new ByteArrayContent(new byte[12 * 1024 * 1024]),
        };
        tooLarge.Content.Headers.ContentType = new("application/pdf");
        tooLarge.Headers.ExpectContinue = true;
        using var patient = new HttpClient(new SocketsHttpHandler { Expect100ContinueTimeout = TimeSpan.FromSeconds(30) }) { BaseAddress = platform.Gateway };
        patient.DefaultRequestHeaders.Authorization = api.DefaultRequestHeaders.Authorization;
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, (await patient.SendAsync(tooLarge)).StatusCode);

        // Through the console: a file over 10 MB is refused beside the field, and nothing is stored.
        await using var clerk = await browser.OpenAsync(platform.Gateway, nameof(A_document_of_up_to_10_MB_goes_through_the_gateway_and_the_console_refuses_a_bigger_one_beside_the_field));
        await clerk.SignInAsync(Roles.Clerk, $"/console/meetings/{meetingId}/documents");
        await Assertions.Expect(clerk.Page.GetByRole(AriaRole.Link, new() { Name = "Appendix A", Exact = true })).ToBeVisibleAsync();
        await Assertions.Expect(clerk.Page.Locator("tbody tr")).ToContainTextAsync("9.5 MB");
        await clerk.Page.GetByLabel("Title").FillAsync("Appendix B");
        using var appendix = new FileToUpload("appendix-b.pdf", new byte[(int)(10.2 * 1024 * 1024)]);
        await clerk.Page.GetByLabel("File").SetInputFilesAsync(appendix.Path);
        await clerk.Page.GetByRole(AriaRole.Button, new() { Name = "Upload" }).ClickAsync();
        await Assertions.Expect(clerk.Page.Locator(".govuk-error-summary")).ToContainTextAsync("The selected file must be smaller than 10 MB");
        await Assertions.Expect(clerk.Page.Locator("#Upload-error")).ToBeVisibleAsync();
        await Assertions.Expect(clerk.Page.GetByLabel("Title")).ToHaveValueAsync("Appendix B");
        await clerk.AssertAccessibleAsync();
        await clerk.ScreenshotAsync("too-large");
        clerk.AssertOnlyTheGatewayWasAsked();
        var documents = await platform.Client(Roles.Clerk).GetFromJsonAsync<JsonElement>($"/api/meetings/meetings/{meetingId}/documents");
        Assert.Equal(["Appendix A"], documents.EnumerateArray().Select(d => d.GetProperty("title").GetString()));
    }

    private static async Task AddItemAsync(SitePage clerk, string title, string kind, Func<Task>? report)
    {
        var page = clerk.Page;
        await page.GetByRole(AriaRole.Button, new() { Name = "Add an item" }).ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Add an agenda item");
        await page.GetByLabel("Title", new() { Exact = true }).FillAsync(title);
        await page.GetByLabel("Kind of item").SelectOptionAsync(kind);
        await page.GetByLabel("Part I – open to the public").CheckAsync();
        if (report is not null)
        {
            await report();
            await clerk.AssertAccessibleAsync();
            await clerk.ScreenshotAsync("item");
        }

        await page.GetByRole(AriaRole.Button, new() { Name = "Add item" }).ClickAsync();
        await ClerkData.BannerAsync(page, "added");
        await Assertions.Expect(page.Locator("[data-item-title]", new() { HasTextString = title })).ToBeVisibleAsync();
    }
}
