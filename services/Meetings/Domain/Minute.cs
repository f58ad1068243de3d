namespace PanelPlatform.Meetings.Domain;

/// <summary>One minute of a meeting, numbered <c>NN/YY</c> in sequence per body per calendar year (e.g. <c>41/22</c>).</summary>
public sealed class Minute
{
    public Guid Id { get; set; }
    public Guid MeetingId { get; set; }
    public Meeting Meeting { get; set; } = null!;
    public Guid BodyId { get; set; }
    public Guid? AgendaItemId { get; set; }
    public AgendaItem? AgendaItem { get; set; }
    public int Year { get; set; }
    public int Sequence { get; set; }
    public string Number { get; set; } = "";

    /// <summary>Position in the minutes (agenda order).</summary>
    public int Order { get; set; }

    public string Title { get; set; } = "";
    public string Text { get; set; } = "";

    /// <summary>The minute of a Part II item, or exempt in itself.</summary>
    public bool IsExempt { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public List<Resolution> Resolutions { get; set; } = [];
}

/// <summary>"RESOLVED to …", recorded against a minute.</summary>
public sealed class Resolution
{
    public Guid Id { get; set; }
    public Guid MinuteId { get; set; }
    public Minute Minute { get; set; } = null!;
    public int Order { get; set; }
    public string Text { get; set; } = "";
    public DateTimeOffset RecordedAt { get; set; }

    /// <summary>ResolutionRecorded has gone out (public resolutions, once the minutes are published).</summary>
    public bool Announced { get; set; }
}

/// <summary>The last minute number used by a body in a calendar year. Numbers only go up: none is ever reused.</summary>
public sealed class MinuteCounter
{
    public Guid BodyId { get; set; }
    public int Year { get; set; }
    public int Last { get; set; }
}

public static class MinuteNumbering
{
    /// <summary>"41/22": the sequence, two digits at least, then the two-digit year.</summary>
    public static string Format(int sequence, int year) =>
        $"{sequence.ToString("00", System.Globalization.CultureInfo.InvariantCulture)}/{(year % 100).ToString("00", System.Globalization.CultureInfo.InvariantCulture)}";

    public static bool TryParse(string? number, out int sequence, out int twoDigitYear)
    {
        sequence = 0;
        twoDigitYear = 0;
        var parts = number?.Trim().Split('/');
        return parts is { Length: 2 } && parts[1].Length == 2 &&
               int.TryParse(parts[0], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out sequence) &&
               int.TryParse(parts[1], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out twoDigitYear) &&
               sequence > 0;
    }

    /// <summary>Numbers <paramref name="count"/> new minutes after the counter's last, and moves the counter on.</summary>
    public static IReadOnlyList<(int Sequence, string Number)> Next(MinuteCounter counter, int count)
    {
        var numbers = new List<(int, string)>(count);
        for (var i = 0; i < count; i++)
        {
            counter.Last++;
            numbers.Add((counter.Last, Format(counter.Last, counter.Year)));
        }

        return numbers;
    }

    /// <summary>An imported number (from a printed record) moves the counter past it, so later numbers follow on.</summary>
    public static void Observe(MinuteCounter counter, int sequence) => counter.Last = Math.Max(counter.Last, sequence);
}
