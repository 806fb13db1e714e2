namespace CallKitDoctor.Logging.IO;

/// <summary>
/// Base of the read-only, forward-only stream wrappers (counting, guarding, replaying, reading ahead): everything but
/// <see cref="Read(Span{byte})"/> is fixed here. The wrapper owns its inner stream and disposes it.
/// </summary>
internal abstract class ForwardReadStream(Stream inner) : Stream
{
    /// <summary>The wrapped stream.</summary>
    protected Stream Inner { get; } = inner;

    public sealed override bool CanRead => true;

    public sealed override bool CanSeek => false;

    public sealed override bool CanWrite => false;

    public sealed override long Length => throw new NotSupportedException();

    /// <summary>Bytes handed out so far, where the wrapper knows it; setting it is not supported.</summary>
    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    public sealed override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public abstract override int Read(Span<byte> buffer);

    public sealed override void Flush()
    {
    }

    public sealed override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public sealed override void SetLength(long value) => throw new NotSupportedException();

    public sealed override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            Inner.Dispose();
        }

        base.Dispose(disposing);
    }
}
