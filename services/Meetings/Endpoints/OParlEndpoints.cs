using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using PanelPlatform.Meetings.Data;
using PanelPlatform.Meetings.Domain;
using PanelPlatform.Meetings.Queries;
using PanelPlatform.ServiceDefaults.Http;
using PanelPlatform.ServiceDefaults.Time;

namespace PanelPlatform.Meetings.Endpoints;

/// <summary>
/// An OParl 1.1 read API (https://oparl.org/spezifikation/): system → bodies → organizations, persons, memberships, meetings,
/// agenda items, papers (reports) and files, with OParl's page-numbered lists and links. Each of our bodies is an OParl body
/// with one organization (the committee itself). The Part II rule applies to every list, object and count.
/// </summary>
public static class OParlEndpoints
{
    public const string Prefix = "/api/meetings/oparl/v1";
    private const string Schema = "https://schema.oparl.org/1.1/";
    private const int DefaultPageSize = 50;

    public static IEndpointRouteBuilder MapOParlEndpoints(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup(Prefix).WithTags("OParl");
        group.MapGet("/system", System);
        group.MapGet("/bodies", Bodies);
        group.MapGet("/bodies/{slug}", Body);
        group.MapGet("/bodies/{slug}/organizations", BodyOrganizations);
        group.MapGet("/bodies/{slug}/persons", BodyPersons);
        group.MapGet("/bodies/{slug}/memberships", BodyMemberships);
        group.MapGet("/bodies/{slug}/meetings", BodyMeetings);
        group.MapGet("/bodies/{slug}/agendaItems", BodyAgendaItems);
        group.MapGet("/bodies/{slug}/papers", BodyPapers);
        group.MapGet("/bodies/{slug}/files", BodyFiles);
        group.MapGet("/organizations/{slug}", Organization);
        group.MapGet("/persons/{id:guid}", Person);
        group.MapGet("/memberships/{id:guid}", Membership);
        group.MapGet("/meetings/{id:guid}", Meeting);
        group.MapGet("/locations/{id:guid}", Location);
        group.MapGet("/agendaItems/{id:guid}", AgendaItem);
        group.MapGet("/papers/{id:guid}", Paper);
        group.MapGet("/files/{id:guid}", File);
        return routes;
    }

    /// <summary>An OParl object: properties in order, nulls and empty lists left out as the specification prefers.</summary>
    private sealed class OParlObject : Dictionary<string, object?>
    {
        public OParlObject(string id, string type)
        {
            this["id"] = id;
            this["type"] = Schema + type;
        }

        public OParlObject With(string name, object? value)
        {
            if (value is not null && !(value is System.Collections.ICollection { Count: 0 } && name != "legislativeTerm"))
            {
                this[name] = value;
            }

            return this;
        }
    }

    private sealed class Urls(HttpRequest request)
    {
        private readonly string _base = $"{request.Scheme}://{request.Host}{Prefix}";

        public string System => $"{_base}/system";
        public string Bodies => $"{_base}/bodies";
        public string Body(string slug) => $"{_base}/bodies/{slug}";
        public string Organization(string slug) => $"{_base}/organizations/{slug}";
        public string Person(Guid id) => $"{_base}/persons/{id}";
        public string Membership(Guid id) => $"{_base}/memberships/{id}";
        public string Meeting(Guid id) => $"{_base}/meetings/{id}";
        public string Location(Guid id) => $"{_base}/locations/{id}";
        public string AgendaItem(Guid id) => $"{_base}/agendaItems/{id}";
        public string Paper(Guid id) => $"{_base}/papers/{id}";
        public string File(Guid id) => $"{_base}/files/{id}";
        public string Download(Guid id) => $"{request.Scheme}://{request.Host}{MeetingPageQuery.DownloadUrl(id)}";
        public string Self => $"{request.Scheme}://{request.Host}{request.Path}";
    }

    private static string Time(DateTimeOffset instant) => UkTime.ToLondon(instant).ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);

    private static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static JsonHttpResult<object> Json(object value) => TypedResults.Json(value);

    /// <summary>OParl's list: <c>data</c>, <c>pagination</c> and <c>links</c>; <c>?page=</c> from 1, <c>?limit=</c> per page.</summary>
    private static Task<Results<JsonHttpResult<object>, ValidationProblem, ProblemHttpResult>> ListAsync<T>(
        IQueryable<T> ordered, Func<T, object> map, HttpRequest request, CancellationToken cancellationToken) =>
        ListAsync(ordered, rows => Task.FromResult(rows.Select(map).ToList()), request, cancellationToken);

    private static async Task<Results<JsonHttpResult<object>, ValidationProblem, ProblemHttpResult>> ListAsync<T>(
        IQueryable<T> ordered, Func<List<T>, Task<List<object>>> mapPage, HttpRequest request, CancellationToken cancellationToken)
    {
        var validation = new Validation();
        var page = 1;
        var limit = DefaultPageSize;
        if (request.Query.TryGetValue("page", out var pageText) && (!int.TryParse(pageText, out page) || page < 1))
        {
            validation.Add("page", "page must be a whole number from 1.");
        }

        if (request.Query.TryGetValue("limit", out var limitText) && (!int.TryParse(limitText, out limit) || limit is < 1 or > Paging.MaxLimit))
        {
            validation.Add("limit", $"limit must be between 1 and {Paging.MaxLimit}.");
        }

        if (!validation.IsValid)
        {
            return validation.ToProblem();
        }

        var total = await ordered.CountAsync(cancellationToken);
        var rows = await ordered.Skip((page - 1) * limit).Take(limit).ToListAsync(cancellationToken);
        var totalPages = Math.Max(1, (total + limit - 1) / limit);
        var self = $"{request.Scheme}://{request.Host}{request.Path}";
        string PageUrl(int n) => $"{self}?page={n}&limit={limit}";
        var links = new Dictionary<string, string> { ["first"] = PageUrl(1), ["self"] = PageUrl(page), ["last"] = PageUrl(totalPages) };
        if (page > 1)
        {
            links["prev"] = PageUrl(Math.Min(page - 1, totalPages));
        }

        if (page < totalPages)
        {
            links["next"] = PageUrl(page + 1);
        }

        return Json(new
        {
            data = await mapPage(rows),
            pagination = new { totalElements = total, elementsPerPage = limit, currentPage = page, totalPages },
            links,
        });
    }

    private static JsonHttpResult<object> System(HttpRequest request)
    {
        var urls = new Urls(request);
        return Json(new OParlObject(urls.System, "System")
            .With("oparlVersion", Schema)
            .With("body", urls.Bodies)
            .With("name", "Panel Platform: Police and Crime Panel and OPCC meetings")
            .With("vendor", "https://panel-platform.uk")
            .With("product", "https://panel-platform.uk/meetings"));
    }

    private static OParlObject MapBody(Body b, Urls urls) => new OParlObject(urls.Body(b.Slug), "Body")
        .With("system", urls.System)
        .With("name", b.Name)
        .With("shortName", b.ShortName)
        .With("website", b.Website)
        .With("contactEmail", b.ContactEmail)
        .With("contactName", b.ContactName)
        .With("organization", $"{urls.Body(b.Slug)}/organizations")
        .With("person", $"{urls.Body(b.Slug)}/persons")
        .With("meeting", $"{urls.Body(b.Slug)}/meetings")
        .With("paper", $"{urls.Body(b.Slug)}/papers")
        .With("agendaItem", $"{urls.Body(b.Slug)}/agendaItems")
        .With("file", $"{urls.Body(b.Slug)}/files")
        .With("membership", $"{urls.Body(b.Slug)}/memberships")
        .With("legislativeTerm", Array.Empty<object>())
        .With("created", Time(b.CreatedAt))
        .With("modified", Time(b.UpdatedAt));

    private static Task<Results<JsonHttpResult<object>, ValidationProblem, ProblemHttpResult>> Bodies(HttpRequest request, MeetingsDbContext db, CancellationToken cancellationToken)
    {
        var urls = new Urls(request);
        return ListAsync(db.Bodies.AsNoTracking().OrderBy(b => b.Slug), b => MapBody(b, urls), request, cancellationToken);
    }

    private static async Task<Results<JsonHttpResult<object>, ProblemHttpResult>> Body(string slug, HttpRequest request, MeetingsDbContext db, CancellationToken cancellationToken)
    {
        var body = await db.Bodies.AsNoTracking().FirstOrDefaultAsync(b => b.Slug == slug, cancellationToken);
        return body is null ? Problems.NotFoundProblem("Body", slug) : Json(MapBody(body, new Urls(request)));
    }

    private static OParlObject MapOrganization(Body b, Urls urls) => new OParlObject(urls.Organization(b.Slug), "Organization")
        .With("body", urls.Body(b.Slug))
        .With("name", b.Name)
        .With("shortName", b.ShortName)
        .With("organizationType", "Gremium")
        .With("classification", b.Kind switch
        {
            BodyKind.Panel => "Police and Crime Panel",
            BodyKind.ScrutinyMeeting => "Performance Scrutiny Meeting",
            BodyKind.WorkingGroup => "Working group",
            _ => "Committee",
        })
        .With("meeting", $"{urls.Body(b.Slug)}/meetings")
        .With("website", b.Website)
        .With("created", Time(b.CreatedAt))
        .With("modified", Time(b.UpdatedAt));

    private static async Task<Results<JsonHttpResult<object>, ValidationProblem, ProblemHttpResult>> BodyOrganizations(
        string slug, HttpRequest request, MeetingsDbContext db, CancellationToken cancellationToken)
    {
        if (!await db.Bodies.AnyAsync(b => b.Slug == slug, cancellationToken))
        {
            return Problems.NotFoundProblem("Body", slug);
        }

        var urls = new Urls(request);
        return await ListAsync(db.Bodies.AsNoTracking().Where(b => b.Slug == slug).OrderBy(b => b.Slug), b => MapOrganization(b, urls), request, cancellationToken);
    }

    private static async Task<Results<JsonHttpResult<object>, ProblemHttpResult>> Organization(string slug, HttpRequest request, MeetingsDbContext db, CancellationToken cancellationToken)
    {
        var body = await db.Bodies.AsNoTracking().FirstOrDefaultAsync(b => b.Slug == slug, cancellationToken);
        return body is null ? Problems.NotFoundProblem("Organization", slug) : Json(MapOrganization(body, new Urls(request)));
    }

    private sealed record MembershipRow(Membership Membership, string BodySlug, string PersonName);

    private static OParlObject MapMembership(MembershipRow row, Urls urls) => new OParlObject(urls.Membership(row.Membership.Id), "Membership")
        .With("person", urls.Person(row.Membership.PersonId))
        .With("organization", urls.Organization(row.BodySlug))
        .With("role", row.Membership.Role switch
        {
            MembershipRole.Chair => "Chair",
            MembershipRole.ViceChair => "Vice-Chair",
            MembershipRole.CoOptedMember => "Co-opted Member",
            MembershipRole.IndependentMember => "Independent Member",
            MembershipRole.Officer => "Officer",
            MembershipRole.AlsoPresent => "Also present",
            _ => "Member",
        })
        .With("votingRight", Domain.Membership.IsSeat(row.Membership.Role))
        .With("startDate", Date(row.Membership.StartsOn))
        .With("endDate", row.Membership.EndsOn is { } end ? Date(end) : null)
        .With("panel:council", row.Membership.Council)
        .With("panel:party", row.Membership.Party)
        .With("created", Time(row.Membership.CreatedAt))
        .With("modified", Time(row.Membership.UpdatedAt));

    // Filtered and ordered before the projection: EF Core cannot translate members of a record it constructed.
    private static IQueryable<MembershipRow> MembershipRows(MeetingsDbContext db, string? bodySlug = null, Guid? personId = null, Guid? id = null) =>
        from m in db.Memberships.AsNoTracking()
        join b in db.Bodies.AsNoTracking() on m.BodyId equals b.Id
        join p in db.People.AsNoTracking() on m.PersonId equals p.Id
        where (bodySlug == null || b.Slug == bodySlug) && (personId == null || m.PersonId == personId) && (id == null || m.Id == id)
        orderby p.Name, m.Id
        select new MembershipRow(m, b.Slug, p.Name);

    private static async Task<Results<JsonHttpResult<object>, ValidationProblem, ProblemHttpResult>> BodyMemberships(
        string slug, HttpRequest request, MeetingsDbContext db, CancellationToken cancellationToken)
    {
        if (!await db.Bodies.AnyAsync(b => b.Slug == slug, cancellationToken))
        {
            return Problems.NotFoundProblem("Body", slug);
        }

        var urls = new Urls(request);
        return await ListAsync(MembershipRows(db, bodySlug: slug),
            r => MapMembership(r, urls), request, cancellationToken);
    }

    private static async Task<Results<JsonHttpResult<object>, ProblemHttpResult>> Membership(Guid id, HttpRequest request, MeetingsDbContext db, CancellationToken cancellationToken)
    {
        var row = await MembershipRows(db, id: id).FirstOrDefaultAsync(cancellationToken);
        return row is null ? Problems.NotFoundProblem("Membership", id) : Json(MapMembership(row, new Urls(request)));
    }

    private static OParlObject MapPerson(Person p, IReadOnlyList<MembershipRow> memberships, string? bodySlug, Urls urls) =>
        new OParlObject(urls.Person(p.Id), "Person")
            .With("body", bodySlug is null ? null : urls.Body(bodySlug))
            .With("name", p.Name)
            .With("familyName", p.FamilyName)
            .With("givenName", p.GivenName)
            .With("formOfAddress", p.Honorific)
            .With("status", p.Office is null ? null : new[] { p.Office })
            .With("membership", memberships.Select(m => MapMembership(m, urls)).ToList())
            .With("created", Time(p.CreatedAt))
            .With("modified", Time(p.UpdatedAt));

    private static async Task<Results<JsonHttpResult<object>, ValidationProblem, ProblemHttpResult>> BodyPersons(
        string slug, HttpRequest request, MeetingsDbContext db, CancellationToken cancellationToken)
    {
        var body = await db.Bodies.AsNoTracking().FirstOrDefaultAsync(b => b.Slug == slug, cancellationToken);
        if (body is null)
        {
            return Problems.NotFoundProblem("Body", slug);
        }

        var urls = new Urls(request);
        var people = db.People.AsNoTracking().Where(p => db.Memberships.Any(m => m.PersonId == p.Id && m.BodyId == body.Id)).OrderBy(p => p.Name).ThenBy(p => p.Id);
        var memberships = await MembershipRows(db, bodySlug: slug).ToListAsync(cancellationToken);
        return await ListAsync(people, p => MapPerson(p, memberships.Where(m => m.Membership.PersonId == p.Id).ToList(), slug, urls), request, cancellationToken);
    }

    private static async Task<Results<JsonHttpResult<object>, ProblemHttpResult>> Person(Guid id, HttpRequest request, MeetingsDbContext db, CancellationToken cancellationToken)
    {
        var person = await db.People.AsNoTracking().FirstOrDefaultAsync(p => p.Id == id, cancellationToken);
        if (person is null)
        {
            return Problems.NotFoundProblem("Person", id);
        }

        var memberships = await MembershipRows(db, personId: id).ToListAsync(cancellationToken);
        return Json(MapPerson(person, memberships, memberships.FirstOrDefault()?.BodySlug, new Urls(request)));
    }

    private static OParlObject MapLocation(Meeting m, Urls urls) => new OParlObject(urls.Location(m.Id), "Location")
        .With("description", m.IsVirtual ? m.Location ?? "Virtual meeting" : m.Location)
        .With("meeting", new[] { urls.Meeting(m.Id) })
        .With("modified", Time(m.UpdatedAt));

    private static OParlObject MapFile(Document d, Urls urls) => new OParlObject(urls.File(d.Id), "File")
        .With("name", d.Title)
        .With("fileName", d.FileName)
        .With("mimeType", d.ContentType)
        .With("size", d.SizeBytes)
        .With("accessUrl", urls.Download(d.Id))
        .With("downloadUrl", urls.Download(d.Id))
        .With("date", Date(UkTime.LondonDate(d.UploadedAt)))
        .With("meeting", new[] { urls.Meeting(d.MeetingId) })
        .With("agendaItem", d.AgendaItemId is { } itemId ? new[] { urls.AgendaItem(itemId) } : null)
        .With("panel:pageCount", d.PageCount)
        .With("panel:kind", d.Kind.ToString())
        .With("created", Time(d.UploadedAt))
        .With("modified", Time(d.UploadedAt));

    private static OParlObject MapAgendaItem(AgendaItem i, string? resolutionText, string? minuteNumber, IReadOnlyList<Document> files, Urls urls) =>
        new OParlObject(urls.AgendaItem(i.Id), "AgendaItem")
            .With("meeting", urls.Meeting(i.MeetingId))
            .With("number", i.Number)
            .With("order", i.Order)
            .With("name", i.Title)
            .With("public", !i.IsExempt)
            .With("result", minuteNumber is null ? null : $"Minute {minuteNumber}")
            .With("resolutionText", resolutionText)
            .With("auxiliaryFile", files.Select(f => MapFile(f, urls)).ToList())
            .With("panel:exemptionReason", i.ExemptionReason)
            .With("panel:minuteNumber", minuteNumber)
            .With("created", Time(i.CreatedAt))
            .With("modified", Time(i.UpdatedAt));

    /// <summary>The items with their visible minutes' resolutions and files, for the viewer.</summary>
    private static async Task<List<OParlObject>> AgendaItemsAsync(MeetingsDbContext db, List<AgendaItem> items, Viewer viewer, Urls urls, CancellationToken cancellationToken)
    {
        var ids = items.Select(i => i.Id).ToList();
        var minutes = await db.Minutes.AsNoTracking().Include(m => m.Resolutions).Where(m => m.AgendaItemId != null && ids.Contains(m.AgendaItemId.Value))
            .VisibleTo(viewer).ToListAsync(cancellationToken);
        var files = await db.Documents.AsNoTracking().Include(d => d.AgendaItem).Where(d => d.AgendaItemId != null && ids.Contains(d.AgendaItemId.Value))
            .VisibleTo(viewer).OrderBy(d => d.UploadedAt).ToListAsync(cancellationToken);
        return items.Select(i =>
        {
            var minute = minutes.FirstOrDefault(m => m.AgendaItemId == i.Id);
            var resolution = minute is null || minute.Resolutions.Count == 0
                ? null
                : string.Join("\n", minute.Resolutions.OrderBy(r => r.Order).Select(r => r.Text));
            return MapAgendaItem(i, resolution, minute?.Number, files.Where(f => f.AgendaItemId == i.Id).ToList(), urls);
        }).ToList();
    }

    private static async Task<OParlObject> MapMeetingAsync(MeetingsDbContext db, Meeting m, Viewer viewer, Urls urls, CancellationToken cancellationToken)
    {
        var items = await db.AgendaItems.AsNoTracking().Where(i => i.MeetingId == m.Id).VisibleTo(viewer).OrderBy(i => i.Order).ToListAsync(cancellationToken);
        var participants = await db.Attendance.AsNoTracking()
            .Where(a => a.MeetingId == m.Id && (a.Kind == AttendanceKind.Present || a.Kind == AttendanceKind.InTheChair))
            .OrderBy(a => a.Order).Select(a => a.PersonId).ToListAsync(cancellationToken);
        var meetingFiles = await db.Documents.AsNoTracking().Include(d => d.AgendaItem).Where(d => d.MeetingId == m.Id && d.AgendaItemId == null)
            .VisibleTo(viewer).OrderBy(d => d.UploadedAt).ToListAsync(cancellationToken);
        var invitation = meetingFiles.FirstOrDefault(f => f.Kind == DocumentKind.Agenda);
        var protocol = viewer.SeesMinutes(m) ? meetingFiles.FirstOrDefault(f => f.Kind == DocumentKind.Minutes) : null;
        return new OParlObject(urls.Meeting(m.Id), "Meeting")
            .With("name", m.Title)
            .With("meetingState", m.Status switch
            {
                MeetingStatus.Scheduled or MeetingStatus.Rescheduled => "scheduled",
                MeetingStatus.AgendaPublished => "invited",
                MeetingStatus.Cancelled => "cancelled",
                _ => "held",
            })
            .With("cancelled", m.IsCancelled)
            .With("start", Time(m.StartsAt))
            .With("end", m.EndsAt is { } end ? Time(end) : null)
            .With("location", m.Location is null && !m.IsVirtual ? null : MapLocation(m, urls))
            .With("organization", new[] { urls.Organization(m.BodySlug) })
            .With("participant", participants.Select(urls.Person).ToList())
            .With("invitation", invitation is null ? null : MapFile(invitation, urls))
            .With("resultsProtocol", protocol is null ? null : MapFile(protocol, urls))
            .With("auxiliaryFile", meetingFiles.Where(f => f != invitation && f != protocol).Select(f => MapFile(f, urls)).ToList())
            .With("agendaItem", viewer.SeesAgenda(m) ? await AgendaItemsAsync(db, items, viewer, urls, cancellationToken) : null)
            .With("panel:status", m.Status.ToString())
            .With("panel:statusReason", m.StatusReason)
            .With("created", Time(m.CreatedAt))
            .With("modified", Time(m.UpdatedAt));
    }

    private static async Task<Results<JsonHttpResult<object>, ValidationProblem, ProblemHttpResult>> BodyMeetings(
        string slug, HttpRequest request, ClaimsPrincipal user, MeetingsDbContext db, CancellationToken cancellationToken)
    {
        if (!await db.Bodies.AnyAsync(b => b.Slug == slug, cancellationToken))
        {
            return Problems.NotFoundProblem("Body", slug);
        }

        var urls = new Urls(request);
        var viewer = Viewer.From(user);
        var meetings = db.Meetings.AsNoTracking().Where(m => m.BodySlug == slug).OrderBy(m => m.StartsAt).ThenBy(m => m.Id);
        return await ListAsync(meetings, async page =>
        {
            // Embedded agenda items need their own queries, one meeting at a time.
            var mapped = new List<object>(page.Count);
            foreach (var meeting in page)
            {
                mapped.Add(await MapMeetingAsync(db, meeting, viewer, urls, cancellationToken));
            }

            return mapped;
        }, request, cancellationToken);
    }

    private static async Task<Results<JsonHttpResult<object>, ProblemHttpResult>> Meeting(
        Guid id, HttpRequest request, ClaimsPrincipal user, MeetingsDbContext db, CancellationToken cancellationToken)
    {
        var meeting = await db.Meetings.AsNoTracking().FirstOrDefaultAsync(m => m.Id == id, cancellationToken);
        return meeting is null ? Problems.NotFoundProblem("Meeting", id) : Json(await MapMeetingAsync(db, meeting, Viewer.From(user), new Urls(request), cancellationToken));
    }

    private static async Task<Results<JsonHttpResult<object>, ProblemHttpResult>> Location(Guid id, HttpRequest request, MeetingsDbContext db, CancellationToken cancellationToken)
    {
        var meeting = await db.Meetings.AsNoTracking().FirstOrDefaultAsync(m => m.Id == id, cancellationToken);
        return meeting is null ? Problems.NotFoundProblem("Location", id) : Json(MapLocation(meeting, new Urls(request)));
    }

    private static async Task<Results<JsonHttpResult<object>, ValidationProblem, ProblemHttpResult>> BodyAgendaItems(
        string slug, HttpRequest request, ClaimsPrincipal user, MeetingsDbContext db, CancellationToken cancellationToken)
    {
        if (!await db.Bodies.AnyAsync(b => b.Slug == slug, cancellationToken))
        {
            return Problems.NotFoundProblem("Body", slug);
        }

        var urls = new Urls(request);
        var viewer = Viewer.From(user);
        var items = db.AgendaItems.AsNoTracking().Where(i => i.Meeting.BodySlug == slug).VisibleTo(viewer)
            .OrderBy(i => i.Meeting.StartsAt).ThenBy(i => i.Order).ThenBy(i => i.Id);
        return await ListAsync(items, async page => (await AgendaItemsAsync(db, page, viewer, urls, cancellationToken)).Cast<object>().ToList(),
            request, cancellationToken);
    }

    private static async Task<Results<JsonHttpResult<object>, ProblemHttpResult>> AgendaItem(
        Guid id, HttpRequest request, ClaimsPrincipal user, MeetingsDbContext db, CancellationToken cancellationToken)
    {
        var viewer = Viewer.From(user);
        var item = await AgendaEndpoints.FindVisibleAsync(db, id, viewer, cancellationToken);
        return item is null ? Problems.NotFoundProblem("Agenda item", id) : Json((await AgendaItemsAsync(db, [item], viewer, new Urls(request), cancellationToken))[0]);
    }

    private sealed record PaperRow(Report Report, AgendaItem Item, string BodySlug);

    private static OParlObject MapPaper(PaperRow row, IReadOnlyList<Document> files, Urls urls)
    {
        var main = files.FirstOrDefault(f => f.Kind == DocumentKind.Report) ?? files.FirstOrDefault();
        return new OParlObject(urls.Paper(row.Report.Id), "Paper")
            .With("body", urls.Body(row.BodySlug))
            .With("name", row.Report.Title)
            .With("reference", row.Item.Number)
            .With("date", Date(row.Report.Date))
            .With("paperType", "Report")
            .With("mainFile", main is null ? null : MapFile(main, urls))
            .With("auxiliaryFile", files.Where(f => f != main).Select(f => MapFile(f, urls)).ToList())
            .With("underDirectionOf", new[] { urls.Organization(row.BodySlug) })
            .With("panel:reportBy", row.Report.ReportBy)
            .With("panel:purpose", row.Report.Purpose)
            .With("panel:recommendations", row.Report.Recommendations)
            .With("panel:agendaItem", urls.AgendaItem(row.Item.Id))
            .With("modified", Time(row.Report.UpdatedAt));
    }

    // Filter and order on the entities, then project: EF Core cannot translate members of a record it constructed.
    private static IQueryable<PaperRow> PaperRows(IQueryable<Report> reports) =>
        reports.Select(r => new PaperRow(r, r.AgendaItem, r.AgendaItem.Meeting.BodySlug));

    private static async Task<List<Document>> PaperFilesAsync(MeetingsDbContext db, IEnumerable<Guid> itemIds, Viewer viewer, CancellationToken cancellationToken)
    {
        var ids = itemIds.ToList();
        return await db.Documents.AsNoTracking().Include(d => d.AgendaItem).Where(d => d.AgendaItemId != null && ids.Contains(d.AgendaItemId.Value))
            .VisibleTo(viewer).OrderBy(d => d.UploadedAt).ToListAsync(cancellationToken);
    }

    private static async Task<Results<JsonHttpResult<object>, ValidationProblem, ProblemHttpResult>> BodyPapers(
        string slug, HttpRequest request, ClaimsPrincipal user, MeetingsDbContext db, CancellationToken cancellationToken)
    {
        if (!await db.Bodies.AnyAsync(b => b.Slug == slug, cancellationToken))
        {
            return Problems.NotFoundProblem("Body", slug);
        }

        var urls = new Urls(request);
        var viewer = Viewer.From(user);
        var reports = db.Reports.AsNoTracking().VisibleTo(viewer).Where(r => r.AgendaItem.Meeting.BodySlug == slug)
            .OrderBy(r => r.Date).ThenBy(r => r.Id);
        var rows = PaperRows(reports);
        var files = await PaperFilesAsync(db, await reports.Select(r => r.AgendaItemId).ToListAsync(cancellationToken), viewer, cancellationToken);
        return await ListAsync(rows, r => MapPaper(r, files.Where(f => f.AgendaItemId == r.Item.Id).ToList(), urls), request, cancellationToken);
    }

    private static async Task<Results<JsonHttpResult<object>, ProblemHttpResult>> Paper(
        Guid id, HttpRequest request, ClaimsPrincipal user, MeetingsDbContext db, CancellationToken cancellationToken)
    {
        var viewer = Viewer.From(user);
        var row = await PaperRows(db.Reports.AsNoTracking().VisibleTo(viewer).Where(r => r.Id == id)).FirstOrDefaultAsync(cancellationToken);
        if (row is null)
        {
            return Problems.NotFoundProblem("Paper", id);
        }

        return Json(MapPaper(row, await PaperFilesAsync(db, [row.Item.Id], viewer, cancellationToken), new Urls(request)));
    }

    private static async Task<Results<JsonHttpResult<object>, ValidationProblem, ProblemHttpResult>> BodyFiles(
        string slug, HttpRequest request, ClaimsPrincipal user, MeetingsDbContext db, CancellationToken cancellationToken)
    {
        if (!await db.Bodies.AnyAsync(b => b.Slug == slug, cancellationToken))
        {
            return Problems.NotFoundProblem("Body", slug);
        }

        var urls = new Urls(request);
        var files = db.Documents.AsNoTracking().Include(d => d.AgendaItem).Where(d => d.Meeting.BodySlug == slug)
            .VisibleTo(Viewer.From(user)).OrderBy(d => d.UploadedAt).ThenBy(d => d.Id);
        return await ListAsync(files, d => MapFile(d, urls), request, cancellationToken);
    }

    private static async Task<Results<JsonHttpResult<object>, ProblemHttpResult>> File(
        Guid id, HttpRequest request, ClaimsPrincipal user, MeetingsDbContext db, CancellationToken cancellationToken)
    {
        var file = await db.Documents.AsNoTracking().Include(d => d.AgendaItem).Where(d => d.Id == id).VisibleTo(Viewer.From(user))
            .FirstOrDefaultAsync(cancellationToken);
        return file is null ? Problems.NotFoundProblem("File", id) : Json(MapFile(file, new Urls(request)));
    }
}
