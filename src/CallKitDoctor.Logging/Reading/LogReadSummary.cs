namespace CallKitDoctor.Logging.Reading;

/// <summary>
/// What a reader saw: how many lines and entries, which lines it could not parse (kept and counted, never dropped
/// silently) and the problems it met. Filled in while entries are enumerated.
/// </summary>
public sealed class LogReadSummary
{
    private const int MaxKeptIssues = 1000;
    private readonly List<LogReadIssue> _issues = [];

    /// <summary>The input's name (a path, or <c>-</c> for standard input).</summary>
    public required string Source { get; init; }

    /// <summary>The format the reader used (detected or forced).</summary>
    public LogInputFormat Format { get; set; }

    /// <summary>Text lines read (0 for binary input).</summary>
    public long Lines { get; set; }

    /// <summary>Bytes read.</summary>
    public long Bytes { get; set; }

    /// <summary>Entries produced.</summary>
    public long Entries { get; set; }

    /// <summary>Entries that carried no timestamp (bare <c>print()</c> lines, pasted fragments).</summary>
    public long EntriesWithoutTimestamp { get; set; }

    /// <summary>Lines that matched no entry layout and were not a continuation; each is still yielded as a bare entry.</summary>
    public long UnparsedLines { get; set; }

    /// <summary>Line numbers of the first unparsed lines (at most 100), for the report.</summary>
    public List<long> UnparsedLineNumbers { get; } = [];

    /// <summary>Problems met while reading (the first 1000; <see cref="IssueCount"/> counts all).</summary>
    public IReadOnlyList<LogReadIssue> Issues => _issues;

    /// <summary>All problems met, including those not kept.</summary>
    public long IssueCount { get; private set; }

    /// <summary>True when some of the input could not be read.</summary>
    public bool IsPartial => _issues.Exists(i => i.Severity == LogReadIssueSeverity.Error);

    /// <summary>Records a problem.</summary>
    public void Add(LogReadIssue issue)
    {
        IssueCount++;
        if (_issues.Count < MaxKeptIssues)
        {
            _issues.Add(issue);
        }
    }

    /// <summary>Records a line that could not be parsed.</summary>
    public void AddUnparsedLine(long line)
    {
        UnparsedLines++;
        if (UnparsedLineNumbers.Count < 100)
        {
            UnparsedLineNumbers.Add(line);
        }
    }
}
