namespace PanelPlatform.Casework.Data;

/// <summary>The last case number given out in a year: <c>OPCC-{Year}-{LastNumber:000000}</c>.</summary>
public sealed class ReferenceCounter
{
    public int Year { get; set; }
    public int LastNumber { get; set; }
}
