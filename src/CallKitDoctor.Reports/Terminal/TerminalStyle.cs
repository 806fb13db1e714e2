namespace CallKitDoctor.Reports.Terminal;

/// <summary>
/// The few looks the terminal report uses. Two parts of a line with the same look are written as one styled run, as
/// Spectre.Console merged equal styles.
/// </summary>
internal enum TerminalStyle : byte
{
    Plain = 0,

    /// <summary>Bold bright white: headings, call headers, finding titles.</summary>
    Heading,

    /// <summary>Grey: labels, times, secondary text.</summary>
    Grey,

    /// <summary>Process names and evidence places (SteelBlue1, shown as the standard palette's white).</summary>
    Process,

    Good,
    Caution,
    Bad,
    Bold,
    GoodBold,
    CautionBold,
    BadBold,
}
