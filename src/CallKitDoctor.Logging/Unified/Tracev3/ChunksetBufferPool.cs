namespace CallKitDoctor.Logging.Unified.Tracev3;

/// <summary>
/// The buffers chunksets are decompressed into, shared by every reader of the process: a reader rents one when it
/// decodes a chunkset and gives it back when it is disposed or parked (<see cref="Tracev3Reader.Park"/>), so many
/// readers left open side by side (a time-ordered merge) hold only as many buffers as are in use at once. Keeps a few
/// buffers of up to <see cref="MaxPooledBytes"/> each; larger ones (rare, grown for an unusual chunkset) go to the GC.
/// </summary>
public static class ChunksetBufferPool
{
    /// <summary>The size of a new buffer: real chunksets decompress to at most about 64 KiB.</summary>
    public const int BufferBytes = 64 * 1024;

    /// <summary>Largest buffer kept for reuse.</summary>
    public const int MaxPooledBytes = 256 * 1024;

    /// <summary>Most buffers kept for reuse.</summary>
    public const int MaxPooled = 16;

    private static readonly Stack<byte[]> Free = new();
    private static readonly Lock Gate = new();

    /// <summary>A buffer of at least <see cref="BufferBytes"/> bytes (contents undefined).</summary>
    public static byte[] Rent()
    {
        lock (Gate)
        {
            if (Free.TryPop(out var buffer))
            {
                return buffer;
            }
        }

        return new byte[BufferBytes];
    }

    /// <summary>Gives a buffer back; the caller must not touch it afterwards. Empty arrays are ignored.</summary>
    public static void Return(byte[] buffer)
    {
        if (buffer.Length < BufferBytes || buffer.Length > MaxPooledBytes)
        {
            return;
        }

        lock (Gate)
        {
            if (Free.Count < MaxPooled)
            {
                Free.Push(buffer);
            }
        }
    }
}
