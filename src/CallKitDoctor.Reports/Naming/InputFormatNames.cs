using CallKitDoctor.Logging.Reading;

namespace CallKitDoctor.Reports.Naming;

/// <summary>
/// The short names of input formats, shared by the CLI's <c>--input-format</c> option and the reports
/// (<c>log-show</c> is the default <c>log show</c> style).
/// </summary>
public static class InputFormatNames
{
    private static readonly (LogInputFormat Format, string Name)[] Table =
    [
        (LogInputFormat.Auto, "auto"),
        (LogInputFormat.Console, "console"),
        (LogInputFormat.LogShowDefault, "log-show"),
        (LogInputFormat.LogShowExcerpt, "log-excerpt"),
        (LogInputFormat.LogShowCompact, "compact"),
        (LogInputFormat.LogShowSyslog, "syslog"),
        (LogInputFormat.LogShowJson, "json"),
        (LogInputFormat.LogShowNdjson, "ndjson"),
        (LogInputFormat.Xcode, "xcode"),
        (LogInputFormat.CrashReport, "crash"),
        (LogInputFormat.Plain, "plain"),
        (LogInputFormat.Unified, "unified"),
    ];

    /// <summary>Every name, in the order the help text lists them.</summary>
    public static IReadOnlyList<string> All { get; } =
        Table.Select(t => t.Name).Concat(EnumNames<LogInputFormat>.Values.Where(v => !Table.Any(t => t.Format == v)).Select(EnumNames<LogInputFormat>.Of)).ToArray();

    /// <summary>The name of a format.</summary>
    public static string Of(LogInputFormat format)
    {
        foreach (var (f, name) in Table)
        {
            if (f == format)
            {
                return name;
            }
        }

        return EnumNames<LogInputFormat>.Of(format);
    }

    /// <summary>Finds a format by name (case-insensitive); formats the table does not list go by their kebab-case enum name.</summary>
    public static bool TryParse(string name, out LogInputFormat format)
    {
        foreach (var (f, n) in Table)
        {
            if (string.Equals(n, name, StringComparison.OrdinalIgnoreCase))
            {
                format = f;
                return true;
            }
        }

        return EnumNames<LogInputFormat>.TryParse(name, out format);
    }
}
