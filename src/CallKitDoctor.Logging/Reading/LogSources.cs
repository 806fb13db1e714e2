namespace CallKitDoctor.Logging.Reading;

/// <summary>
/// Opens inputs as entry sources, detecting the format unless one is forced
/// (placeholder until the text readers land).
/// </summary>
public static class LogSources
{
    /// <summary>Opens a file (or <c>-</c> for standard input).</summary>
    public static ILogEntrySource Open(string path, LogInputFormat format = LogInputFormat.Auto) =>
        throw new NotSupportedException($"Reading {path} as {format} is not implemented yet.");

    /// <summary>Reads text already in memory (tests, pasted input).</summary>
    public static ILogEntrySource FromText(string text, string name, LogInputFormat format = LogInputFormat.Auto) =>
        throw new NotSupportedException($"Reading {name} as {format} is not implemented yet.");
}
