namespace PanelPlatform.Grants.Domain;

/// <summary>The six priorities of the Police and Crime Plan 2021–2025 (seeds: the Panel pack of 17 November 2022).</summary>
public static class PlanPriorities
{
    public static readonly IReadOnlyDictionary<string, string> All = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["strong-local-policing"] = "Strong Local Policing",
        ["neighbourhood-crime-and-asb"] = "Neighbourhood Crime and Anti-Social Behaviour",
        ["rural-crime"] = "Rural Crime",
        ["road-safety"] = "Road Safety",
        ["victim-support-and-safeguarding"] = "Victim Support and Safeguarding",
        ["driving-efficiencies"] = "Driving Efficiencies",
    };

    public static bool IsKnown(string slug) => All.ContainsKey(slug);
}
