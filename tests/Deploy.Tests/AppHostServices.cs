using System.Text.RegularExpressions;

namespace PanelPlatform.Deploy.Tests;

/// <summary>The apps the AppHost runs, read from AppHost/Program.cs: every one must have its manifests.</summary>
internal static partial class AppHostServices
{
    /// <param name="Name">The resource name: the Kubernetes Deployment and Service name, the gateway's http://name.</param>
    /// <param name="Project">The project (Projects.X): its image is panel-platform/x.</param>
    /// <param name="HasDatabase">Has its own <c>{name}db</c>: every AddPanelService, and an AddProject whose database
    /// AppHost/PanelInfrastructure.cs lists (the identity service).</param>
    /// <param name="UsesBroker">Added with AddPanelService: uses the broker.</param>
    public sealed record App(string Name, string Project, bool HasDatabase, bool UsesBroker)
    {
        public override string ToString() => Name;
    }

    public static IReadOnlyList<App> All { get; } = Read();

    public static IEnumerable<App> Services => All.Where(a => a.HasDatabase);

    public static IEnumerable<TheoryDataRow<string, string>> OverlaysAndApps() =>
        from overlay in RenderedOverlay.Names
        from app in All
        select new TheoryDataRow<string, string>(overlay, app.Name);

    public static App Named(string name) => All.Single(a => a.Name == name);

    private static List<App> Read()
    {
        var source = File.ReadAllText(Path.Combine(Repo.Root, "AppHost", "Program.cs"));
        var databases = DatabaseNames().Match(File.ReadAllText(Path.Combine(Repo.Root, "AppHost", "PanelInfrastructure.cs")))
            .Groups[1].Value.Split(',').Select(d => d.Trim().Trim('"')).ToHashSet();
        var apps = PanelService().Matches(source).Select(m => new App(m.Groups[2].Value, m.Groups[1].Value, true, true))
            .Concat(Project().Matches(source).Select(m =>
                new App(m.Groups[2].Value, m.Groups[1].Value, databases.Contains($"{m.Groups[2].Value}db"), false)))
            .ToList();

        // A call this reading does not understand must fail the tests, not drop an app from them.
        var calls = Regex.Matches(source, @"\.Add\w*<Projects\.").Count;
        if (apps.Count == 0 || apps.Count != calls)
        {
            throw new InvalidOperationException(
                $"AppHost/Program.cs has {calls} Add…<Projects.…> calls but {apps.Count} could be read; update AppHostServices.");
        }

        return apps;
    }

    [GeneratedRegex(@"AddPanelService<Projects\.(\w+)>\(\s*""([a-z0-9-]+)""")]
    private static partial Regex PanelService();

    /// <summary>AddProject, and AddPanelWebSite (a project with a database of its own and no broker).</summary>
    [GeneratedRegex(@"Add(?:Project|PanelWebSite)<Projects\.(\w+)>\(\s*""([a-z0-9-]+)""")]
    private static partial Regex Project();

    [GeneratedRegex(@"DatabaseNames\s*=\s*\[([^\]]*)\]")]
    private static partial Regex DatabaseNames();
}
