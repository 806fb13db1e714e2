using System.Buffers.Binary;
using System.Text;

namespace CallKitDoctor.Logging.Tests.Unified.Decoders;

/// <summary>Builds small <c>bplist00</c> files object by object (1-byte references, 2-byte offsets).</summary>
internal sealed class BinaryPlistImage
{
    private readonly List<byte[]> _objects = [];

    public int Add(params byte[] encoded)
    {
        _objects.Add(encoded);
        return _objects.Count - 1;
    }

    public int Int(byte value) => Add(0x10, value);

    public int True() => Add(0x09);

    public int Real(double value)
    {
        var bytes = new byte[9];
        bytes[0] = 0x23;
        BinaryPrimitives.WriteDoubleBigEndian(bytes.AsSpan(1), value);
        return Add(bytes);
    }

    public int Ascii(string value) => Add([(byte)(0x50 | value.Length), .. Encoding.ASCII.GetBytes(value)]);

    public int Unicode(string value) => Add([(byte)(0x60 | value.Length), .. Encoding.BigEndianUnicode.GetBytes(value)]);

    public int Data(params byte[] value) => Add([(byte)(0x40 | value.Length), .. value]);

    public int Array(params int[] items) => Add([(byte)(0xA0 | items.Length), .. items.Select(i => (byte)i)]);

    public int Dict(params (int Key, int Value)[] pairs) =>
        Add([(byte)(0xD0 | pairs.Length), .. pairs.Select(p => (byte)p.Key), .. pairs.Select(p => (byte)p.Value)]);

    /// <summary>Replaces an object (to make cycles after the fact).</summary>
    public void Set(int index, params byte[] encoded) => _objects[index] = encoded;

    public byte[] Build(int top)
    {
        var body = new List<byte>("bplist00"u8.ToArray());
        var offsets = new List<int>();
        foreach (var o in _objects)
        {
            offsets.Add(body.Count);
            body.AddRange(o);
        }

        var tableOffset = body.Count;
        foreach (var offset in offsets)
        {
            body.Add((byte)(offset >> 8));
            body.Add((byte)offset);
        }

        var trailer = new byte[32];
        trailer[6] = 2;
        trailer[7] = 1;
        BinaryPrimitives.WriteUInt64BigEndian(trailer.AsSpan(8), (ulong)_objects.Count);
        BinaryPrimitives.WriteUInt64BigEndian(trailer.AsSpan(16), (ulong)top);
        BinaryPrimitives.WriteUInt64BigEndian(trailer.AsSpan(24), (ulong)tableOffset);
        body.AddRange(trailer);
        return [.. body];
    }
}
