using System.CommandLine;
using CallKitDoctor.Logging.Filtering;

namespace CallKitDoctor.Cli.Hosting;

/// <summary>The <c>--start</c>, <c>--end</c> and <c>--last</c> options shared by <c>show</c> and <c>diagnose</c>.</summary>
internal sealed class TimeWindowOptions
{
    public Option<string?> Start { get; } = new("--start")
    {
        Description = "Only entries at or after this time: YYYY-MM-DD[ HH:MM[:SS[.ffffff]]][±HHMM]. Without an offset the time is on the log's own clock (as printed), or in --timezone when given.",
        HelpName = "TIME",
    };

    public Option<string?> End { get; } = new("--end")
    {
        Description = "Only entries at or before this time (same forms as --start).",
        HelpName = "TIME",
    };

    public Option<string?> Last { get; } = new("--last")
    {
        Description = "Only the last span of the log: 30s, 5m, 2h or 1d, counted back from --end, else from the log's last entry (standard input: from now).",
        HelpName = "5m|2h|1d",
    };

    /// <summary>
    /// True when <c>--last</c> counts back from the input's last entry, which then has to be found first: no
    /// <c>--end</c> was given and the input can be read twice (not standard input).
    /// </summary>
    public static bool NeedsLogEnd(EntryFilterOptions options, string path) =>
        options.Last is not null && options.End is null && path != "-";
}
