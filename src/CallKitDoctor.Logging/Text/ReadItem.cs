using CallKitDoctor.Logging.Entries;

namespace CallKitDoctor.Logging.Text;

/// <summary>
/// What a text parser hands on for one entry: the entry, or (for an entry the screen turned down in a skipping read)
/// only its time, process and place.
/// </summary>
internal readonly struct ReadItem
{
    public ReadItem(LogEntry entry) => Entry = entry;

    public ReadItem(LogTimestamp? timestamp, string? process, InputLocation location)
    {
        Timestamp = timestamp;
        Process = process;
        Location = location;
    }

    /// <summary>The entry; null for a skipped one.</summary>
    public LogEntry? Entry { get; }

    /// <summary>The time of a skipped entry (for the others, read <see cref="Entry"/>).</summary>
    public LogTimestamp? Timestamp { get; }

    /// <summary>The process of a skipped entry.</summary>
    public string? Process { get; }

    /// <summary>The place of a skipped entry.</summary>
    public InputLocation Location { get; }
}
