using CallKitDoctor.Reports.Tones;
using Spectre.Console;

namespace CallKitDoctor.Reports.Tests.Terminal.Reference;

/// <summary>The Spectre.Console styles of the session 8 terminal report (the reference renderer's).</summary>
internal static class SpectreTerminalStyles
{
    public static readonly Style Heading = new(Color.White, decoration: Decoration.Bold);
    public static readonly Style Label = new(Color.Grey);
    public static readonly Style Dim = new(Color.Grey);
    public static readonly Style Time = new(Color.Grey);
    public static readonly Style Process = new(Color.SteelBlue1);
    public static readonly Style Plain = Style.Plain;

    public static Style For(Tone tone, bool bold = false)
    {
        var decoration = bold ? Decoration.Bold : Decoration.None;
        return tone switch
        {
            Tone.Good => new Style(Color.Green, decoration: decoration),
            Tone.Caution => new Style(Color.Yellow, decoration: decoration),
            Tone.Bad => new Style(Color.Red, decoration: decoration),
            _ => new Style(decoration: decoration),
        };
    }
}
