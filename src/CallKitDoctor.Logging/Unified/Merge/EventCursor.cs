using CallKitDoctor.Logging.Unified.Tracev3;

namespace CallKitDoctor.Logging.Unified.Merge;

/// <summary>
/// One open file of the direct time-ordered merge (<see cref="EventMerge"/>): its reader, positioned on the file's
/// current event (the walk's filters applied), and that event's sort key. Nothing of the event is copied: it is
/// rendered from the reader's buffer when the merge takes it, then the cursor moves on.
/// </summary>
internal sealed class EventCursor : IDisposable
{
    public EventCursor(Tracev3Reader reader, EventWalk walk, string file, string shown, int rank)
    {
        Reader = reader;
        Walk = walk;
        File = file;
        Shown = shown;
        Rank = rank;
    }

    /// <summary>The file's reader (its <see cref="Tracev3Reader.Current"/> is the cursor's event).</summary>
    public Tracev3Reader Reader { get; }

    /// <summary>The filtered walk over the reader's events (header and timestamp of the current event).</summary>
    public EventWalk Walk { get; }

    /// <summary>The file's path.</summary>
    public string File { get; }

    /// <summary>The file as shown in locations.</summary>
    public string Shown { get; }

    /// <summary>The file's place in the merge's start order (ties in time go to the lower rank).</summary>
    public int Rank { get; }

    /// <summary>The sort key of the current event (valid after <see cref="MoveNext"/> returned true).</summary>
    public MergeKey Key { get; private set; }

    /// <summary>Moves to the file's next event that passes the walk's checks; false at the end of the file.</summary>
    public bool MoveNext(CancellationToken cancellationToken)
    {
        if (!Walk.MoveNext(cancellationToken))
        {
            return false;
        }

        Key = MergeKey.Of(Walk.Timestamp, Rank);
        return true;
    }

    public void Dispose() => Reader.Dispose();
}
