namespace PanelPlatform.Deploy.Tests;

/// <summary>Paths in the repository the tests run from.</summary>
internal static class Repo
{
    public static string Root { get; } = FindRoot();

    public static string Kubernetes => Path.Combine(Root, "deploy", "kubernetes");

    public static string Validator => Path.Combine(Kubernetes, "validate");

    public static string Overlay(string name) => Path.Combine(Kubernetes, "overlays", name);

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "PanelPlatform.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"No PanelPlatform.sln above {AppContext.BaseDirectory}.");
    }
}
