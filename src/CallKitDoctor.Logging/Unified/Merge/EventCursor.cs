using System.Runtime.CompilerServices;
using CallKitDoctor.Logging.Unified.Direct;
using CallKitDoctor.Logging.Unified.Tracev3;

namespace CallKitDoctor.Logging.Unified.Merge;

/// <summary>
/// One open file of the direct time-ordered merge (<see cref="EventMerge"/>): its reader, positioned on the file's
/// current event (the walk's filters applied), and that event's sort key. Live, nothing of the event is copied: it is
/// rendered from the reader's buffer when the merge takes it, then the cursor moves on. When the merge has too many
/// files open for every reader to keep its decompressed chunkset, the cursor renders a short window of its next
/// events (<see cref="Fill"/>) and parks its reader until the window is taken.
/// </summary>
internal sealed class EventCursor : IDisposable
{
    private DirectBatch? _window;
    private MergeKey[] _keys = [];
    private int _head;
    private MergeKey _pendingKey;

    public EventCursor(Tracev3Reader reader, EventWalk walk, string file, string shown, int rank)
    {
        Reader = reader;
        Walk = walk;
        File = file;
        Shown = shown;
        Rank = rank;
    }

    /// <summary>The file's reader (its <see cref="Tracev3Reader.Current"/> is the cursor's event unless windowed).</summary>
    public Tracev3Reader Reader { get; }

    /// <summary>The filtered walk over the reader's events (header and timestamp of the current event).</summary>
    public EventWalk Walk { get; }

    /// <summary>The file's path.</summary>
    public string File { get; }

    /// <summary>The file as shown in locations.</summary>
    public string Shown { get; }

    /// <summary>The file's place in the merge's start order (ties in time go to the lower rank).</summary>
    public int Rank { get; }

    /// <summary>The sort key of the current event (the window's first when windowed).</summary>
    public MergeKey Key { get; private set; }

    /// <summary>Events rendered in the window and not yet taken (0: the cursor is live, on the reader's event).</summary>
    public int Windowed => _window is null ? 0 : _window.Count - _head;

    /// <summary>Whether the reader reached the end of the file while filling the window.</summary>
    public bool ReaderEnded { get; private set; }

    /// <summary>
    /// Whether the reader (parked) stands on an event not rendered in the window, one the window stopped before: it is
    /// rendered from the reader (<see cref="TakeLive"/>) once the window is taken.
    /// </summary>
    public bool PendingCurrent { get; private set; }

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

    /// <summary>Heap bytes of the window's arrays and text buffer as of the last <see cref="Fill"/> (0 before the first).</summary>
    public int WindowBytes { get; private set; }

    /// <summary>Text room of a window however small its allowance (one short message).</summary>
    private const int MinWindowText = 256;

    /// <summary>Heap bytes per event of a window, apart from message text: the batch's share and the event's key.</summary>
    public static int WindowBytesPerEvent => DirectBatch.BytesPerEvent + Unsafe.SizeOf<MergeKey>();

    /// <summary>
    /// Renders the current event and the next ones (<paramref name="render"/> adds the cursor's current event to the
    /// window; false when its message does not fit) into a window of about <paramref name="allowance"/> bytes, then
    /// parks the reader (its buffer goes back to the pool). Five eighths of the allowance go to the events' fields and
    /// keys (at least one event, at most <paramref name="maxEvents"/>), the rest to their escaped messages. The window
    /// stops when full, or before an event whose message does not fit or that <paramref name="keepOut"/> says to
    /// render from the reader when its turn comes (a message that would take much of the window's text room: a large
    /// statedump). The window is taken before the reader moves again. Its arrays are made again only when the
    /// allowance changes by more than half, so a window holds about what it is allowed.
    /// </summary>
    public void Fill(Func<EventCursor, DirectBatch, bool> render, Func<EventCursor, int, bool> keepOut, int allowance, int maxEvents,
        CancellationToken cancellationToken)
    {
        var perEvent = WindowBytesPerEvent;
        var wanted = (int)Math.Clamp(allowance * 5L / 8 / perEvent, 1, maxEvents);
        if (_window is null || _window.EventCapacity < wanted || _window.EventCapacity > wanted + (wanted / 2) + 1)
        {
            var textRoom = Math.Max(allowance - (wanted * perEvent), MinWindowText);
            _window = new DirectBatch(wanted, textRoom) { TextRoom = textRoom };
            _keys = new MergeKey[wanted];
        }

        var window = _window;
        window.Clear(window.TextRoom);
        _head = 0;
        PendingCurrent = false;
        while (true)
        {
            // The key goes in the next slot first (the window is never full here); an event left out overwrites nothing.
            _keys[window.Count] = Key;
            if (keepOut(this, window.TextRoom) || !render(this, window))
            {
                PendingCurrent = true;
                _pendingKey = Key;
                break;
            }

            if (window.Count == window.EventCapacity)
            {
                break;
            }

            if (!MoveNext(cancellationToken))
            {
                ReaderEnded = true;
                break;
            }
        }

        WindowBytes = (window.EventCapacity * perEvent) + window.TextCapacity;
        Key = window.Count > 0 ? _keys[0] : _pendingKey;
        if (!ReaderEnded)
        {
            Reader.Park();
        }
    }

    /// <summary>Adds the window's first event to <paramref name="batch"/> and moves the key to the next one.</summary>
    public void TakeInto(DirectBatch batch)
    {
        var window = _window!;
        batch.AddFrom(window, _head);
        batch.LastLocation = window.Location(_head);
        _head++;
        if (_head < window.Count)
        {
            Key = _keys[_head];
        }
        else
        {
            window.Clear(int.MaxValue);
            _head = 0;
            if (PendingCurrent)
            {
                Key = _pendingKey;
            }
        }
    }

    /// <summary>Renders the reader's current event (taking its buffer back when parked) into <paramref name="batch"/>.</summary>
    public void TakeLive(Func<EventCursor, DirectBatch, bool> render, DirectBatch batch)
    {
        Reader.Resume();
        _ = render(this, batch);
        PendingCurrent = false;
    }

    public void Dispose() => Reader.Dispose();
}
