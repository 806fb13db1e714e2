using System.Text;
using CallKitDoctor.Logging.Unified.Formatting;
using CallKitDoctor.Logging.Unified.Formatting.Decoders;
using CallKitDoctor.Logging.Unified.Plist;
using CallKitDoctor.Logging.Unified.Protobuf;
using CallKitDoctor.Logging.Unified.Statedump;
using CallKitDoctor.Logging.Unified.Tracev3;
using CsCheck;

namespace CallKitDoctor.Logging.Tests.Unified.Decoders;

/// <summary>
/// Random and mutated bytes never make a decoder throw or read outside its value: every decoder gets its bytes as a
/// slice of a larger buffer filled with a sentinel, so an over-read would either throw (spans are bounds-checked) or
/// show the sentinel's hex in the output.
/// </summary>
public class DecoderPropertyTests
{
    private const byte Sentinel = 0xEE;

    private static readonly Gen<byte[]> Bytes = Gen.OneOf(Gen.Byte.Array[0, 96], Gen.Byte[0, 3].Array[0, 40], Gen.Byte.Array[64, 80]);

    private static ReadOnlySpan<byte> Fenced(byte[] value)
    {
        var buffer = new byte[value.Length + 32];
        buffer.AsSpan().Fill(Sentinel);
        value.CopyTo(buffer, 16);
        return buffer.AsSpan(16, value.Length);
    }

    [Fact]
    public void NoValueDecoderThrowsOrOverReads()
    {
        var names = ValueDecoders.Names.Order(StringComparer.Ordinal).ToArray();
        Gen.Select(Gen.Int[0, names.Length - 1], Bytes).Sample(t =>
        {
            Assert.True(ValueDecoders.TryGet(names[t.Item1], out var decoder));
            var text = decoder(Fenced(t.Item2));
            Assert.NotNull(text);
            Assert.True(text.Length < 4096, $"{names[t.Item1]} wrote {text.Length} chars for {t.Item2.Length} bytes");
            if (!t.Item2.Contains(Sentinel))
            {
                Assert.DoesNotContain("eeee", text, StringComparison.Ordinal);
            }
        }, iter: 20_000, threads: 1);
    }

    [Fact]
    public void FormatterWithDecodersNeverThrows()
    {
        var formats = Gen.OneOf(ValueDecoders.Names.Select(n => Gen.Const(n)).ToArray())
            .Select(Gen.OneOf("d", "lld", ".*P", ".16P", "s", "@", "hhu"), (n, c) => $"%{{public, {n}}}{c} %{{private,{n}}}{c}");
        Gen.Select(formats, Gen.Byte.Array[0, 96]).Sample(t =>
        {
            var text = OsLogFormatter.Format(t.Item1, t.Item2, t.Item2);
            Assert.True(text.Length < 1 << 16);
        }, iter: 5_000, threads: 1);
    }

    [Fact]
    public void StructureReadersNeverThrowOnRandomBytes()
    {
        Gen.Byte.Array[0, 400].Sample(data =>
        {
            var text = new StringBuilder();
            _ = BinaryPlistText.TryFormat(data, text, out _);
            _ = ProtobufText.TryFormat(data, text);
            _ = BacktraceReader.ReadAt(data);
            _ = BacktraceReader.Read(data);
            for (uint type = 0; type <= 4; type++)
            {
                Assert.NotNull(StatedumpMessage.Format("t", type, "location", "_CLDaemonStatusStateTrackerState", data));
            }
        }, iter: 5_000, threads: 1);
    }

    [Fact]
    public void MutatedPlistsNeverThrowHangOrBlowUp()
    {
        var p = new BinaryPlistImage();
        var leaf = p.Dict((p.Ascii("k"), p.Int(1)), (p.Unicode("é"), p.Real(2.5)));
        var fan = p.Array(leaf, leaf, leaf, leaf, leaf, leaf, leaf, leaf);
        var root = p.Array(fan, fan, fan, fan, fan, fan, fan, fan, p.Data(9, 9), p.True());
        var source = p.Build(root);

        Gen.Select(Gen.Int[0, source.Length - 1], Gen.Byte, Gen.Int[0, source.Length - 1], Gen.Byte).Sample(m =>
        {
            var copy = (byte[])source.Clone();
            copy[m.Item1] = m.Item2;
            copy[m.Item3] = m.Item4;
            var text = new StringBuilder();
            var ok = BinaryPlistText.TryFormat(copy, text, out var error);
            Assert.True(ok || error is not null);
            Assert.True(text.Length <= BinaryPlistText.MaxOutputChars + 4096);
        }, iter: 5_000, threads: 1);
    }

    [Fact]
    public void FanOutPlistIsBoundedByTheVisitLimit()
    {
        // Each level references the one below eight times: 8^12 paths, far beyond the visit limit.
        var p = new BinaryPlistImage();
        var level = p.Int(7);
        for (var i = 0; i < 12; i++)
        {
            level = p.Array(level, level, level, level, level, level, level, level);
        }

        var text = new StringBuilder();
        Assert.True(BinaryPlistText.TryFormat(p.Build(level), text, out _));
        Assert.Contains('…', text.ToString());
        Assert.True(text.Length <= BinaryPlistText.MaxOutputChars + 4096);
    }
}
