using CallKitDoctor.Logging.IO;

namespace CallKitDoctor.Logging.Text;

/// <summary>
/// A read-only stream that first returns bytes already read from another stream (the prefix sniffed for format
/// detection) and then the rest of that stream, so that standard input can be sniffed and still read once.
/// </summary>
internal sealed class ReplayStream : ForwardReadStream
{
    private readonly byte[] _prefix;
    private readonly int _prefixLength;
    private int _position;

    public ReplayStream(byte[] prefix, int prefixLength, Stream inner)
        : base(inner)
    {
        _prefix = prefix;
        _prefixLength = prefixLength;
    }

    public override int Read(Span<byte> buffer)
    {
        if (_position < _prefixLength)
        {
            var n = Math.Min(buffer.Length, _prefixLength - _position);
            _prefix.AsSpan(_position, n).CopyTo(buffer);
            _position += n;
            return n;
        }

        return Inner.Read(buffer);
    }
}
