namespace PanelPlatform.TestInfrastructure;

/// <summary>
/// Lines the test run should show whatever the outcome (which infrastructure mode ran, benchmark-like figures).
/// Written to stderr and appended to <c>$PANEL_TEST_LOG</c>, which the test script prints at the end.
/// </summary>
public static class TestLog
{
    private static readonly Lock Gate = new();

    public static void Write(string line)
    {
        var stamped = $"[{DateTimeOffset.UtcNow:HH:mm:ss}] [{AppDomain.CurrentDomain.FriendlyName}] {line}";
        Console.Error.WriteLine(stamped);
        var file = Environment.GetEnvironmentVariable("PANEL_TEST_LOG");
        if (string.IsNullOrEmpty(file))
        {
            return;
        }

        lock (Gate)
        {
            File.AppendAllText(file, stamped + Environment.NewLine);
        }
    }
}
