using Microsoft.AspNetCore.Mvc.RazorPages;
using PanelPlatform.Web.Gateway;

namespace PanelPlatform.Web.Pages;

public sealed class IndexModel(PanelApi api, TimeProvider time) : PageModel
{
    public IReadOnlyList<MeetingSummary> Upcoming { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var from = Uri.EscapeDataString(time.GetUtcNow().ToString("o", System.Globalization.CultureInfo.InvariantCulture));
        var page = await api.GetAsync<ApiPage<MeetingSummary>>($"api/meetings/meetings?from={from}&limit=3", cancellationToken);
        Upcoming = page.Required("upcoming meetings").Items;
    }
}
