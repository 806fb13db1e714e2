using CallKitDoctor.Reports.Tones;
using Spectre.Console;

namespace CallKitDoctor.Reports.Terminal;

/// <summary>
/// The styles of the terminal report: which look each role has, its ANSI SGR opening sequence (the standard
/// 16-colour palette, as Spectre.Console wrote it with <see cref="ColorSystemSupport.Standard"/>), and the
/// Spectre.Console style used for the rare lines that still go through a Spectre paragraph.
/// </summary>
internal static class TerminalStyles
{
    /// <summary>What ends every styled run.</summary>
    public const string Reset = "\u001b[0m";

    public const TerminalStyle Heading = TerminalStyle.Heading;
    public const TerminalStyle Label = TerminalStyle.Grey;
    public const TerminalStyle Dim = TerminalStyle.Grey;
    public const TerminalStyle Time = TerminalStyle.Grey;
    public const TerminalStyle Process = TerminalStyle.Process;
    public const TerminalStyle Plain = TerminalStyle.Plain;

    private static readonly string[] Openings =
    [
        "",
        "\u001b[1;97m",
        "\u001b[90m",
        "\u001b[37m",
        "\u001b[32m",
        "\u001b[93m",
        "\u001b[91m",
        "\u001b[1m",
        "\u001b[1;32m",
        "\u001b[1;93m",
        "\u001b[1;91m",
    ];

    public static TerminalStyle For(Tone tone, bool bold = false) => (tone, bold) switch
    {
        (Tone.Good, false) => TerminalStyle.Good,
        (Tone.Good, true) => TerminalStyle.GoodBold,
        (Tone.Caution, false) => TerminalStyle.Caution,
        (Tone.Caution, true) => TerminalStyle.CautionBold,
        (Tone.Bad, false) => TerminalStyle.Bad,
        (Tone.Bad, true) => TerminalStyle.BadBold,
        (_, true) => TerminalStyle.Bold,
        _ => TerminalStyle.Plain,
    };

    /// <summary>The SGR sequence that starts a run in <paramref name="style"/> (empty for plain text, which has no run).</summary>
    public static string Opening(TerminalStyle style) => Openings[(int)style];

    /// <summary>The Spectre.Console style of the same look.</summary>
    public static Style ToSpectre(TerminalStyle style) => style switch
    {
        TerminalStyle.Heading => new Style(Color.White, decoration: Decoration.Bold),
        TerminalStyle.Grey => new Style(Color.Grey),
        TerminalStyle.Process => new Style(Color.SteelBlue1),
        TerminalStyle.Good => new Style(Color.Green),
        TerminalStyle.Caution => new Style(Color.Yellow),
        TerminalStyle.Bad => new Style(Color.Red),
        TerminalStyle.Bold => new Style(decoration: Decoration.Bold),
        TerminalStyle.GoodBold => new Style(Color.Green, decoration: Decoration.Bold),
        TerminalStyle.CautionBold => new Style(Color.Yellow, decoration: Decoration.Bold),
        TerminalStyle.BadBold => new Style(Color.Red, decoration: Decoration.Bold),
        _ => Style.Plain,
    };
}
