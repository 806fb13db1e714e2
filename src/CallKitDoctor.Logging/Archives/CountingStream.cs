using CallKitDoctor.Logging.IO;

namespace CallKitDoctor.Logging.Archives;

/// <summary>
/// A read-only forward stream that counts the bytes read through it (the offset into a tar stream), telling
/// <paramref name="progress"/> the running count after each read when given.
/// </summary>
internal sealed class CountingStream(Stream inner, Action<long>? progress = null) : ForwardReadStream(inner)
{
    /// <summary>Bytes read so far.</summary>
    public long BytesRead { get; private set; }

    public override long Position
    {
        get => BytesRead;
        set => throw new NotSupportedException();
    }

    public override int Read(Span<byte> buffer)
    {
        var read = Inner.Read(buffer);
        BytesRead += read;
        if (read > 0)
        {
            progress?.Invoke(BytesRead);
        }

        return read;
    }
}
