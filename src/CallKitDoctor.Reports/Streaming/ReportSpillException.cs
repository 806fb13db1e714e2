namespace CallKitDoctor.Reports.Streaming;

/// <summary>
/// A streamed report could not write or read back its spill file (the disk holding the temporary folder is full, or
/// the folder cannot be created). It is an <see cref="IOException"/>, but about the report's own temporary storage, not
/// the log being read or the output being written, so that callers can say which of the three failed.
/// </summary>
public sealed class ReportSpillException : IOException
{
    public ReportSpillException()
        : this(Path.GetTempPath(), new IOException("the spill file failed"))
    {
    }

    public ReportSpillException(string message)
        : base(message)
    {
        Folder = Path.GetTempPath();
    }

    public ReportSpillException(string message, Exception innerException)
        : base(message, innerException)
    {
        Folder = Path.GetTempPath();
    }

    public ReportSpillException(string folder, IOException innerException)
        : base($"cannot write the report's temporary file in {folder}: {innerException?.Message}", innerException)
    {
        Folder = folder;
    }

    /// <summary>The folder the spill file was (or was to be) written in.</summary>
    public string Folder { get; }

    /// <summary>Whether <paramref name="exception"/> is an I/O failure of the spill file still to be wrapped.</summary>
    internal static bool IsUnwrapped(Exception exception) =>
        exception is IOException or UnauthorizedAccessException && exception is not ReportSpillException;

    /// <summary>The failure of the spill file in <paramref name="folder"/> (the temp folder before it exists).</summary>
    internal static ReportSpillException From(string? folder, Exception exception) =>
        new(folder ?? Path.GetTempPath(), exception as IOException ?? new IOException(exception.Message, exception));
}
