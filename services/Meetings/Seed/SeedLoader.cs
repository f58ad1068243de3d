using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore;
using PanelPlatform.Contracts.Meetings;
using PanelPlatform.Meetings.Data;
using PanelPlatform.Meetings.Domain;
using PanelPlatform.ServiceDefaults.Data;
using PanelPlatform.ServiceDefaults.Messaging;
using PanelPlatform.ServiceDefaults.Time;

namespace PanelPlatform.Meetings.Seed;

public sealed record SeedResult(int Bodies, int People, int Memberships, int Meetings, int Items, int Minutes, int WorkProgramme, int ForthcomingEvents);

/// <summary>
/// Loads the Derbyshire fixture (data in <c>Seed/derbyshire.json</c>, from the real meeting packs). Idempotent: every row's
/// id derives from its fixture key (a meeting's and its items' from the body and date, as every service's seed names
/// them: <see cref="DeterministicIds"/>), rows already there are left alone, and loads are serialised by an advisory lock.
/// </summary>
public static class SeedLoader
{
    public const string FixtureFile = "derbyshire.json";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower, allowIntegerValues: false) },
    };

    public static string DefaultPath => Path.Combine(AppContext.BaseDirectory, "Seed", FixtureFile);

    public static SeedFixture Read(string? path = null)
    {
        using var stream = File.OpenRead(path ?? DefaultPath);
        return JsonSerializer.Deserialize<SeedFixture>(stream, Json) ?? throw new InvalidDataException("The seed fixture is empty.");
    }

    /// <summary>A stable id for a fixture key, so a second load finds the first one's rows.</summary>
    public static Guid IdFor(string key)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes("panel-platform/meetings/seed/" + key));
        var bytes = hash.AsSpan(0, 16).ToArray();
        bytes[7] = (byte)((bytes[7] & 0x0F) | 0x80); // version 8: name-based, our own hash
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return new Guid(bytes);
    }

    /// <param name="announce">Queue MeetingScheduled for each meeting added, so other services (Questions) learn of them.</param>
    public static async Task<SeedResult> LoadAsync(
        MeetingsDbContext db, SeedFixture fixture, TimeProvider time, bool announce = true, CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock(7312202211170)", cancellationToken);

        var bodies = new Dictionary<string, Body>();
        var added = new int[8];
        foreach (var seed in fixture.Bodies)
        {
            var id = IdFor("body:" + seed.Key);
            var body = await db.Bodies.FirstOrDefaultAsync(b => b.Id == id || b.Slug == seed.Slug, cancellationToken);
            if (body is null)
            {
                body = new Body
                {
                    Id = id, Slug = seed.Slug, Name = seed.Name, ShortName = seed.ShortName, Kind = seed.Kind, Description = seed.Description,
                    Website = seed.Website, ContactName = seed.ContactName, ContactEmail = seed.ContactEmail, ContactPhone = seed.ContactPhone,
                    CreatedAt = now, UpdatedAt = now,
                };
                db.Bodies.Add(body);
                added[0]++;
            }

            bodies[seed.Key] = body;
        }

        var people = new Dictionary<string, Guid>();
        foreach (var seed in fixture.People)
        {
            var id = IdFor("person:" + seed.Key);
            people[seed.Key] = id;
            if (!await db.People.AnyAsync(p => p.Id == id, cancellationToken))
            {
                db.People.Add(new Person
                {
                    Id = id, Name = seed.Name, Honorific = seed.Honorific, GivenName = seed.GivenName, FamilyName = seed.FamilyName,
                    Office = seed.Office, CreatedAt = now, UpdatedAt = now,
                });
                added[1]++;
            }
        }

        foreach (var seed in fixture.Memberships)
        {
            var id = IdFor($"membership:{seed.Body}:{seed.Person}:{seed.Role}:{seed.StartsOn:yyyy-MM-dd}");
            if (!await db.Memberships.AnyAsync(m => m.Id == id, cancellationToken))
            {
                db.Memberships.Add(new Membership
                {
                    Id = id, BodyId = bodies[seed.Body].Id, PersonId = people[seed.Person], Role = seed.Role,
                    Council = seed.Council is null ? null : Councils.Canonical(seed.Council) ?? throw new InvalidDataException($"Unknown council '{seed.Council}'."),
                    Party = seed.Party, StartsOn = seed.StartsOn, EndsOn = seed.EndsOn, CreatedAt = now, UpdatedAt = now,
                });
                added[2]++;
            }
        }

        await db.SaveChangesAsync(cancellationToken);

        var meetings = new Dictionary<string, Meeting>();
        foreach (var seed in fixture.Meetings)
        {
            // Meetings and their items take the platform's shared seed ids, under which Questions' seed files its questions.
            var meetingDate = UkTime.LondonDate(seed.StartsAt);
            var id = DeterministicIds.Meeting(bodies[seed.Body].Slug, meetingDate);
            var existing = await db.Meetings.FirstOrDefaultAsync(m => m.Id == id, cancellationToken);
            if (existing is not null)
            {
                meetings[seed.Key] = existing;
                continue;
            }

            var body = bodies[seed.Body];
            var meeting = Meeting.Schedule(body, seed.Title, seed.StartsAt, seed.EndsAt, seed.Location, seed.IsVirtual, now).WithId(id);
            meeting.Import(seed.Status, null, seed.AgendaPublishedAt, seed.AgendaPublic, seed.MinutesPublic, null);
            db.Meetings.Add(meeting);
            meetings[seed.Key] = meeting;
            added[3]++;
            if (announce)
            {
                db.AddIntegrationEvent(new MeetingScheduled(
                    meeting.Id, body.Slug, body.Name, meeting.Title, UkTime.ToLondon(meeting.StartsAt),
                    meeting.EndsAt is { } end ? UkTime.ToLondon(end) : null, meeting.Location, meeting.IsVirtual, [], now));
            }

            foreach (var (attendance, order) in (seed.Attendance ?? []).Select((a, i) => (a, i)))
            {
                db.Attendance.Add(new Attendance
                {
                    Id = IdFor($"attendance:{seed.Key}:{attendance.Person}"), MeetingId = id, PersonId = people[attendance.Person],
                    Kind = attendance.Kind, Capacity = attendance.Capacity, Order = order,
                });
            }

            var year = meeting.Date.Year;
            var counter = await MinuteCounters.LockAsync(db, body.Id, year, cancellationToken);
            var minuteOrder = 0;
            foreach (var (item, order) in seed.Items.Select((item, i) => (item, i + 1)))
            {
                AgendaItem.Check(item.Part, item.ExemptionReason, item.PageFrom, item.PageTo);
                var itemId = DeterministicIds.AgendaItem(body.Slug, meetingDate, item.Number);
                db.AgendaItems.Add(new AgendaItem
                {
                    Id = itemId, MeetingId = id, Order = order, Number = item.Number, Title = item.Title, Description = item.Description,
                    Kind = item.Kind, Part = item.Part, ExemptionReason = item.ExemptionReason, PageFrom = item.PageFrom, PageTo = item.PageTo,
                    CreatedAt = now, UpdatedAt = now,
                });
                added[4]++;
                if (item.Report is { } report)
                {
                    db.Reports.Add(new Report
                    {
                        Id = IdFor($"report:{seed.Key}:{item.Number}"), AgendaItemId = itemId, Title = report.Title, ReportBy = report.ReportBy,
                        Date = report.Date, Purpose = report.Purpose, Recommendations = report.Recommendations, ContactName = report.ContactName,
                        ContactPhone = report.ContactPhone, ContactEmail = report.ContactEmail, Attachments = [.. report.Attachments ?? []],
                        Text = report.Text, UpdatedAt = now,
                    });
                }

                if (item.Minute is { } minute)
                {
                    if (!MinuteNumbering.TryParse(minute.Number, out var sequence, out var twoDigitYear) || twoDigitYear != year % 100)
                    {
                        throw new InvalidDataException($"Minute '{minute.Number}' of {seed.Key} is not numbered NN/{year % 100:00}.");
                    }

                    MinuteNumbering.Observe(counter, sequence);
                    var minuteId = IdFor($"minute:{seed.Body}:{minute.Number}");
                    db.Minutes.Add(new Minute
                    {
                        Id = minuteId, MeetingId = id, BodyId = body.Id, AgendaItemId = itemId, Year = year, Sequence = sequence,
                        Number = MinuteNumbering.Format(sequence, year), Order = ++minuteOrder, Title = minute.Title ?? item.Title, Text = minute.Text,
                        IsExempt = item.Part == AgendaPart.PartII, CreatedAt = now, UpdatedAt = now,
                        Resolutions = (minute.Resolutions ?? []).Select((text, i) => new Resolution
                        {
                            Id = IdFor($"resolution:{seed.Body}:{minute.Number}:{i + 1}"), MinuteId = minuteId, Order = i + 1, Text = text,
                            RecordedAt = now, Announced = true,
                        }).ToList(),
                    });
                    added[5]++;
                    foreach (var (action, i) in (minute.Actions ?? []).Select((a, i) => (a, i)))
                    {
                        db.Actions.Add(new MeetingAction
                        {
                            Id = IdFor($"action:{seed.Body}:{minute.Number}:{i + 1}"), BodyId = body.Id, MeetingId = id, MinuteId = minuteId,
                            MinuteNumber = MinuteNumbering.Format(sequence, year), What = action.What, Owner = action.Owner, DueOn = action.DueOn,
                            Status = action.Status, IsExempt = item.Part == AgendaPart.PartII, CreatedAt = now, UpdatedAt = now,
                        });
                    }
                }
            }

            await db.SaveChangesAsync(cancellationToken);
        }

        // Confirmations point at later meetings, so they follow once every meeting is in.
        foreach (var seed in fixture.Meetings.Where(m => m.ConfirmedBy is not null))
        {
            var meeting = meetings[seed.Key];
            var confirming = meetings[seed.ConfirmedBy!.Meeting];
            if (meeting.ConfirmedAtMeetingId is null)
            {
                meeting.ImportConfirmation(confirming.Id, seed.ConfirmedBy.Minute, confirming.StartsAt);
            }
        }

        foreach (var seed in fixture.WorkProgramme)
        {
            var id = IdFor("work:" + seed.Key);
            if (!await db.WorkProgramme.AnyAsync(w => w.Id == id, cancellationToken))
            {
                db.WorkProgramme.Add(new WorkProgrammeEntry
                {
                    Id = id, BodyId = bodies[seed.Body].Id, Topic = seed.Topic, Description = seed.Description, Lead = seed.Lead,
                    PlannedFor = seed.PlannedFor, Status = seed.Status, CreatedAt = now, UpdatedAt = now,
                });
                added[6]++;
            }
        }

        foreach (var seed in fixture.ForthcomingEvents)
        {
            var id = IdFor("event:" + seed.Key);
            if (!await db.ForthcomingEvents.AnyAsync(e => e.Id == id, cancellationToken))
            {
                db.ForthcomingEvents.Add(new ForthcomingEvent
                {
                    Id = id, BodyId = bodies[seed.Body].Id, Title = seed.Title, Description = seed.Description, On = seed.On, Location = seed.Location,
                    AnnouncedAtMeetingId = seed.AnnouncedAt is null ? null : meetings[seed.AnnouncedAt].Id, CreatedAt = now,
                });
                added[7]++;
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new SeedResult(added[0], added[1], added[2], added[3], added[4], added[5], added[6], added[7]);
    }
}
