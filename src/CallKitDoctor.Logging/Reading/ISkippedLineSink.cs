using CallKitDoctor.Logging.Entries;

namespace CallKitDoctor.Logging.Reading;

/// <summary>
/// Told about each entry an <see cref="ILineSkippingSource"/> skipped because the screen turned it down: what a
/// consumer needs to account for it (time, process, place) without an entry being built.
/// </summary>
public interface ISkippedLineSink
{
    /// <summary>One skipped entry, in input order among the yielded ones, on the thread that enumerates the entries.</summary>
    void Skipped(LogTimestamp? timestamp, string? process, in InputLocation location);
}
