using Microsoft.AspNetCore.Mvc;
using PanelPlatform.Web.Gateway;

namespace PanelPlatform.Web.Pages.Console.Meetings;

/// <summary>
/// The agenda in order. One form holds the items in their order: dragging an item (js/agenda-order.js) moves its row and
/// posts the form; "Move up" and "Move down" post it too, naming the item, so the order changes the same way without
/// JavaScript. The API takes the whole new order in one call.
/// </summary>
public sealed class AgendaModel(PanelApi api) : ClerkMeetingPageModel(api)
{
    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken) =>
        await LoadMeetingAsync(cancellationToken) ? Page() : NotFound();

    /// <param name="itemIds">The items in the order the page now shows them (dragged, or as loaded).</param>
    /// <param name="move"><c>up:{id}</c> or <c>down:{id}</c> from a move button; absent when the order itself was changed.</param>
    /// <param name="renumber">Number the items 1, 2, 3… in this order.</param>
    public async Task<IActionResult> OnPostOrderAsync(List<Guid> itemIds, string? move, bool renumber, CancellationToken cancellationToken)
    {
        var order = itemIds.Distinct().ToList();
        Guid? moved = null;
        var banner = renumber ? "Items numbered in their order" : "Agenda order saved";
        if (move?.Split(':') is [var direction and ("up" or "down"), var id] && Guid.TryParse(id, out var itemId) && order.IndexOf(itemId) is var at and >= 0)
        {
            var to = direction == "up" ? at - 1 : at + 1;
            if (to >= 0 && to < order.Count)
            {
                (order[at], order[to]) = (order[to], order[at]);
            }

            moved = itemId;
            banner = $"Item moved {direction}";
        }

        if (order.Count > 0)
        {
            var result = await Api.PutAsync<IReadOnlyList<ItemRecord>>($"api/meetings/meetings/{Id}/items/order",
                new { itemIds = order, renumber }, cancellationToken);
            if (!result.Ok)
            {
                if (!await LoadMeetingAsync(cancellationToken))
                {
                    return NotFound();
                }

                ModelState.AddConsoleProblem(result.Problem!);
                return Page();
            }
        }

        return Done(banner, $"{MeetingPath}/agenda{(moved is { } m ? $"#item-{m}" : "")}");
    }
}
