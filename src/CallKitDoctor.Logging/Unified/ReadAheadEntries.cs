using CallKitDoctor.Logging.Entries;
using CallKitDoctor.Logging.Threading;

namespace CallKitDoctor.Logging.Unified;

/// <summary>
/// <see cref="ReadAhead"/> for entry streams: reading, decompressing and message formatting overlap with whatever the
/// caller does with the entries (writing them out). Each entry's message is built on the worker before its batch is
/// handed over, so the caller never touches the reader's state.
/// </summary>
internal static class ReadAheadEntries
{
    public static IEnumerable<LogEntry> Run(Func<CancellationToken, IEnumerable<LogEntry>> produce, int batchSize, int maxBatches,
        CancellationToken cancellationToken) =>
        ReadAhead.Run(produce, batchSize, maxBatches, "log read-ahead", BuildMessages, cancellationToken);

    /// <summary>
    /// Builds the messages of a batch before it is queued. Messages are built here rather than as each entry is read so
    /// that an entry whose items sit in an oversize chunk later in the file (within the batch) still finds them.
    /// </summary>
    private static void BuildMessages(ArraySegment<LogEntry> batch)
    {
        foreach (var entry in batch)
        {
            _ = entry.EventMessage;
        }
    }
}
