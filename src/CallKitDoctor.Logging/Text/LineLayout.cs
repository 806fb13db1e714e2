using CallKitDoctor.Logging.Reading;

namespace CallKitDoctor.Logging.Text;

/// <summary>
/// One line-oriented text layout (Console copy, a <c>log show</c> style, Xcode console…): recognises the first line of
/// an entry and says which other lines continue it. Layouts are stateless per line except for what a header teaches.
/// </summary>
internal abstract class LineLayout
{
    /// <summary>The format this layout reads.</summary>
    public abstract LogInputFormat Format { get; }

    /// <summary>
    /// True when lines the layout does not recognise (and that do not continue an entry) are messages in their own
    /// right (bare <c>print()</c> output in an Xcode console) rather than unparsed lines.
    /// </summary>
    public virtual bool UnmatchedLinesAreEntries => false;

    /// <summary>Classifies a non-blank line, filling <paramref name="fields"/> when it starts an entry.</summary>
    public abstract LineKind Classify(ReadOnlySpan<char> line, ref LineFields fields);

    /// <summary>
    /// Whether an unrecognised line continues the entry being built, whose last line so far is
    /// <paramref name="previousLine"/>. Strict layouts say yes: their entries print embedded newlines as is.
    /// </summary>
    public virtual bool Continues(ReadOnlySpan<char> line, ReadOnlySpan<char> previousLine) => true;

    /// <summary>The layout for a format (<see cref="LogInputFormat.Auto"/> and non-text formats give the Xcode layout).</summary>
    public static LineLayout For(LogInputFormat format, CaptureContext context) => format switch
    {
        LogInputFormat.Console => new ConsoleLayout(),
        LogInputFormat.LogShowDefault => new LogShowDefaultLayout(),
        LogInputFormat.LogShowCompact => new LogShowCompactLayout(),
        LogInputFormat.LogShowSyslog => new LogShowSyslogLayout(),
        LogInputFormat.LogShowExcerpt => new LogShowExcerptLayout(),
        LogInputFormat.CrashReport => new CrashReportLayout(context),
        LogInputFormat.Plain => new PlainLayout(),
        _ => new XcodeLayout(),
    };
}
