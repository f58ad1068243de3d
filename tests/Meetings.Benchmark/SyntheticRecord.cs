using PanelPlatform.Meetings.Domain;
using PanelPlatform.Meetings.Seed;
using PanelPlatform.ServiceDefaults.Time;

namespace PanelPlatform.Meetings.Benchmark;

/// <summary>
/// Ten years of meetings of the seed's bodies, with the seed's people attending: agendas shaped like the 17 November
/// 2022 Panel agenda, every item minuted NN/YY in sequence per body per year.
/// </summary>
internal static class SyntheticRecord
{
    private const string Exemption = "Paragraph 3 of Part 1 of Schedule 12A to the Local Government Act 1972 (financial or business affairs)";

    public static SeedFixture Build(SeedFixture seed, int meetings, int itemsPerMeeting)
    {
        var bodies = seed.Bodies.Select(b => b.Key).ToList();
        var people = seed.People.Select(p => p.Key).ToList();
        var perBodyYear = Math.Max(1, meetings / (10 * bodies.Count));
        var list = new List<SeedMeeting>();
        var sequences = new Dictionary<(string, int), int>();
        for (var n = 0; n < meetings; n++)
        {
            var body = bodies[n % bodies.Count];
            var ordinal = n / bodies.Count;
            var year = 2013 + Math.Min(9, ordinal / perBodyYear);
            var dayOfYear = 1 + (ordinal % perBodyYear) * (360 / perBodyYear);
            var date = new DateOnly(year, 1, 1).AddDays(dayOfYear - 1);
            var startsAt = UkTime.FromLondon(date, new TimeOnly(10, 0)).ToUniversalTime();
            var key = $"bench-{body}-{n}";
            var items = new List<SeedItem>();
            for (var i = 1; i <= itemsPerMeeting; i++)
            {
                var exempt = i == itemsPerMeeting;
                var sequence = sequences[(body, year)] = sequences.GetValueOrDefault((body, year)) + 1;
                var report = i % 2 == 0
                    ? new SeedReport($"Report {i} to the meeting of {date:d MMMM yyyy}", "Police and Crime Commissioner for Derbyshire", date.AddDays(-9),
                        "To update the Panel on delivery against the Police and Crime Plan.", "That the Panel notes the report.",
                        "Andrew Dale", "01773 570100", "pccoffice@derbyshire.police.uk", ["Appendix A"], null)
                    : null;
                items.Add(new SeedItem(
                    i.ToString(System.Globalization.CultureInfo.InvariantCulture), exempt ? "Exclusion of the Public: contract award" : $"Item {i}: Police and Crime Plan update",
                    "The Panel considered a report of the Commissioner.", i == 1 ? ItemKind.Apologies : ItemKind.Report,
                    exempt ? AgendaPart.PartII : AgendaPart.PartI, exempt ? Exemption : null, i * 4, i * 4 + 3, report,
                    new SeedMinute($"{sequence:00}/{year % 100:00}", null, "The Panel considered the report and asked questions of the Commissioner.",
                        ["RESOLVED to note the report."], null)));
            }

            var attendance = people.Take(12).Select((p, i) => new SeedAttendance(p, i == 0 ? AttendanceKind.InTheChair : i > 9 ? AttendanceKind.Apologies : AttendanceKind.Present, null)).ToList();
            list.Add(new SeedMeeting(key, body, $"Meeting {ordinal + 1}", startsAt, startsAt.AddHours(2), "Council Chamber, County Hall, Matlock", false,
                MeetingStatus.MinutesDrafted, startsAt.AddDays(-8), AgendaPublic: true, MinutesPublic: true, null, attendance, items, null));
        }

        return seed with { Meetings = list, WorkProgramme = [], ForthcomingEvents = [] };
    }
}
