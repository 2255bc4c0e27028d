namespace ChatApi.Engine;

public sealed partial class ChatApiClient
{
    /// <summary>
    /// Streams a paged list: pages are fetched one after the other and each item handed to
    /// <paramref name="emit"/> as its page arrives; fetching stops once <paramref name="first"/> items
    /// went out. <paramref name="where"/> filters on this side (Skip and First count what passes it).
    /// Offset pages shift when items are removed while the list is read (Get-ChatWebhook |
    /// Remove-ChatWebhook removes page 0 while page 1 is fetched): when the server's element count
    /// shrinks, the list steps back over the pages the unread items may have moved into, and items
    /// already seen (by <paramref name="key"/>) are not emitted twice. Items added while the list is
    /// read are not followed past the count the server gave at the start. The wire says how a page
    /// is asked for and read, and whether a short page ends the list whatever the page block says.
    /// </summary>
    private async Task ListPagesAsync<T>(string path, IEnumerable<KeyValuePair<string, string>> filters, int? first, int skip,
        Func<JsonElement, T> map, Func<T, string> key, Action<T> emit, CallContext ctx, string what, Func<T, bool> where = null,
        IReadOnlyDictionary<string, string> headers = null)
    {
        if (first.HasValue && first.Value <= 0) return;
        bool serverSkips = where == null;
        int size = first.HasValue && serverSkips ? Math.Min(100, Math.Max(1, first.Value + skip)) : 100;
        int page = serverSkips ? skip / size : 0;
        long index = (long)page * size;
        int sent = 0;
        var seen = new HashSet<string>(StringComparer.Ordinal);
        int? lastTotal = null;
        // Items that existed when the list began, from where it began: a pipeline that adds to the
        // list it reads (Get-ChatWebhook | New-ChatWebhook on one tenant) must not chase its own tail.
        long? budget = null;
        while (true)
        {
            var request = new ApiRequest("GET", path);
            wire.AddPage(request, page, size);
            if (filters != null) foreach (var f in filters) request.WithQuery(f.Key, f.Value);
            if (headers != null) foreach (var h in headers) request.Headers[h.Key] = h.Value;
            var response = await SendCheckedAsync(request, ctx, what).ConfigureAwait(false);
            int count = 0;
            int? pageCount, total;
            using (var doc = WireJson.Parse(response.Body, what))
            {
                var listPage = wire.ReadPage(doc.RootElement);
                var items = listPage.Items.ToList();
                pageCount = listPage.PageCount;
                total = listPage.Total;
                // A page holding more items than the total, or a page the page count leaves out, says the
                // block is nonsense (a mock of the description): the list goes on to a short or empty page.
                if (items.Count > 0 && ((total.HasValue && total.Value < items.Count) || (pageCount.HasValue && pageCount.Value <= page)))
                {
                    ctx.Log.Verbose($"{what}: the page block (total {total}, {pageCount} pages) does not fit page {page} with {items.Count} item(s); reading on to a short page");
                    pageCount = total = null;
                }
                if (lastTotal == null && total.HasValue && where == null) ctx.TotalCount?.Invoke(total.Value);
                if (budget == null && total.HasValue) budget = Math.Max(0, total.Value - (long)page * size);
                foreach (var element in items)
                {
                    count++;
                    var item = map(element);
                    string id = key(item);
                    if (id != null && !seen.Add(id)) continue;
                    bool last = budget.HasValue && seen.Count >= budget.Value;
                    if ((where == null || where(item)) && index++ >= skip)
                    {
                        emit(item);
                        if (first.HasValue && ++sent >= first.Value) return;
                    }
                    if (last) return;
                }
            }
            int shrunk = lastTotal.HasValue && total.HasValue ? lastTotal.Value - total.Value : 0;
            lastTotal = total;
            if (shrunk > 0 && page > 0)
            {
                // Unread items that stood at this page's start moved up to 'shrunk' places to the front.
                int back = Math.Max(0, (int)(((long)page * size - shrunk) / size));
                ctx.Log.Verbose($"{what}: {shrunk} item(s) went away while listing; reading again from page {back}");
                page = back;
                continue;
            }
            page++;
            if (count == 0 || (wire.ShortPageEnds && count < size) || (pageCount.HasValue ? page >= pageCount.Value : count < size)) return;
        }
    }
}
