using System.Text;
using CallKitDoctor.Logging.Reading;
using CsCheck;

namespace CallKitDoctor.Logging.Tests.Text;

public class HostileInputTests
{
    private static readonly string[] RealLines =
    [
        "default\t12:05:02.156382 +0530\tcallservicesd\tCall controller host <private> requested transaction <private>",
        "par défaut\t19:26:16.378372+0200\tcallservicesd\tlistener: <private> newConnection: <private>",
        "13:07:14.075334-0400\tMyCallingApp\t[RNCallKeep][requestTransaction] transaction = <CXTransaction 0x28135eca0 actions=(",
        ")>",
        "    \"<CXAnswerCallAction 0x283f60850 UUID=B67720E9 state=0>\"",
        "2020-09-25 11:24:47.032573+0200 ObjCVoiceQuickstart[644:74122] provider:didActivateAudioSession:",
        "App[25333:2086171] pushRegistry:didReceiveIncomingPushWithPayload:forType:completion:",
        "[aurioc] AURemoteIO.cpp:1086:Initialize: failed: 561017449 (enable 3, outf< 1 ch,  16000 Hz, Int16>)",
        "12:45:33_473-730:[CallsProviderDelegate.swift:47 -- providerDidReset(:)] providerDidReset",
        "2025-10-28 18:27:47.477213+0800 0x2d1f4    Default     0x0                  112    0    callservicesd: (CallKit) [com.apple.calls.callkit:Default] Received",
        "2025-10-28 18:27:47.401 Df callservicesd[112:2d1f4] [com.apple.calls.callservicesd:Default] Received incoming APS message",
        "2025-10-23 16:00:39.916170+1100  localhost Glip[4410]: (CallKit) [com.apple.calls.callkit:Default] Provider <private>",
        "2025-10-23 16:00:39.916170+1100 Glip: (CallKit) [com.apple.calls.callkit:Default] Provider <private>",
        "Termination Reason: FRONTBOARD 0xbaadca11 ",
        "<RBSTerminateContext| domain:10 code:0xBAADCA11 explanation:<no explanation given>>",
        "OS Version:          iPhone OS 17.4.1 (21E236)",
        "{\"eventMessage\":\"x\",\"timestamp\":\"2025-10-23 16:00:39.916170+1100\",\"processID\":1}",
        "[{\"eventMessage\":\"x\"},",
        "/***************************************************/",
        "Timestamp                       Thread     Type        Activity             PID    TTL  ",
        "",
    ];

    private static readonly LogInputFormat[] Formats = [.. Enum.GetValues<LogInputFormat>().Where(f => f != LogInputFormat.Unified)];

    private static long ExpectedLines(ReadOnlySpan<byte> bytes)
    {
        if (bytes.IsEmpty)
        {
            return 0;
        }

        var newlines = bytes.Count((byte)'\n');
        return bytes[^1] == (byte)'\n' ? newlines : newlines + 1;
    }

    private static (long Lines, long Entries, int Yielded) ReadAll(byte[] bytes, LogInputFormat format)
    {
        var source = LogSources.FromBytes(bytes, "fuzz", format);
        var yielded = source.ReadEntries().Count();
        return (source.Summary.Lines, source.Summary.Entries, yielded);
    }

    [Fact]
    public void RandomBytesNeverThrow()
    {
        Gen.Byte.Array[0, 3000].Sample(bytes =>
        {
            foreach (var format in Formats)
            {
                var (_, entries, yielded) = ReadAll(bytes, format);
                Assert.Equal(entries, yielded);
            }
        }, iter: 300);
    }

    [Fact]
    public void RandomTextCountsEveryLine()
    {
        // Bytes without NUL (no UTF-16 guess) and without a gzip, UTF-16 or UTF-8 byte-order mark in front.
        var gen = Gen.OneOf(Gen.Byte[1, 255], Gen.Const((byte)'\n'), Gen.Const((byte)'\t'), Gen.Const((byte)'{'), Gen.Const((byte)'['))
            .Array[0, 2000]
            .Where(b => b.Length < 2 || !(b[0] is 0x1F or 0xFF or 0xFE or 0xEF));
        gen.Sample(bytes =>
        {
            foreach (var format in Formats)
            {
                var (lines, entries, yielded) = ReadAll(bytes, format);
                Assert.Equal(ExpectedLines(bytes), lines);
                Assert.Equal(entries, yielded);
            }
        }, iter: 300);
    }

    [Fact]
    public void MutatedRealLinesNeverThrowAndCountLines()
    {
        var mutation = Gen.Int[0, 3].Select(Gen.Int[0, 200], Gen.Char, (kind, at, c) => (kind, at, c));
        var line = Gen.Int[0, RealLines.Length - 1].Select(mutation.Array[0, 4], (i, muts) =>
        {
            var text = RealLines[i];
            foreach (var (kind, at, c) in muts)
            {
                var p = text.Length == 0 ? 0 : at % text.Length;
                text = kind switch
                {
                    0 => text.Remove(p, Math.Min(1, text.Length - p)),
                    1 => text.Insert(p, c == '\n' ? "x" : c.ToString()),
                    2 => text[..p],
                    _ => text + "\t" + c,
                };
            }

            return text.Replace('\n', ' ');
        });

        line.Array[1, 40].Sample(lines =>
        {
            var text = string.Join('\n', lines) + "\n";
            var bytes = Encoding.UTF8.GetBytes(text);
            foreach (var format in Formats)
            {
                var (count, entries, yielded) = ReadAll(bytes, format);
                Assert.Equal(ExpectedLines(bytes), count);
                Assert.Equal(entries, yielded);
            }
        }, iter: 300);
    }

    [Fact]
    public void OverlongLineIsCutRecordedAndReadingGoesOn()
    {
        var text = "2020-09-25 11:24:47.032573+0200 App[644:74122] " + new string('x', 3 * 1024 * 1024) +
                   "\n2020-09-25 11:24:48.000000+0200 App[644:74122] provider:didActivateAudioSession:\n";
        var source = LogSources.FromText(text, "long.log");
        var entries = source.ReadEntries().ToList();
        Assert.Equal(2, entries.Count);
        Assert.Equal(2, source.Summary.Lines);
        Assert.True(entries[0].EventMessage.Length < 1024 * 1024);
        Assert.Equal("provider:didActivateAudioSession:", entries[1].EventMessage);
        var issue = Assert.Single(source.Summary.Issues);
        Assert.Equal(1, issue.Line);
        Assert.Equal(0, issue.ByteOffset);
    }

    [Fact]
    public void InvalidUtf8AndNulBytesAreReadAsReplacementCharacters()
    {
        byte[] bytes = [.. "2020-09-25 11:24:47.032573+0200 App[644:74122] bad "u8, 0xC3, 0x28, .. " and "u8, 0x00, .. " nul\n"u8];
        var source = LogSources.FromBytes(bytes, "bad.log");
        var entry = Assert.Single(source.ReadEntries());
        Assert.Contains('\uFFFD', entry.EventMessage);
        Assert.Contains('\0', entry.EventMessage);
        Assert.Equal("App", entry.Process);
    }

    [Fact]
    public void CarriageReturnLineEndsAreDropped()
    {
        var source = LogSources.FromText("default\t12:05:02.156382 +0530\tcallservicesd\tone\r\ndefault\t12:05:02.156383 +0530\tcallservicesd\ttwo\r\n", "crlf.log");
        Assert.Equal(["one", "two"], source.ReadEntries().Select(e => e.EventMessage));
    }

    [Fact]
    public void HugeContinuationIsCutWithAnIssue()
    {
        var sb = new StringBuilder("2020-09-25 11:24:47.032573+0200 App[644:74122] dump: {\n");
        var body = "    " + new string('k', 1000) + "\n";
        for (var i = 0; i < 5000; i++)
        {
            sb.Append(body);
        }

        sb.Append("}\n");
        var source = LogSources.FromText(sb.ToString(), "dump.log");
        var entry = Assert.Single(source.ReadEntries());
        Assert.Equal(5002, entry.Location.EndLine);
        Assert.Contains(source.Summary.Issues, i => i.Message.Contains("was cut", StringComparison.Ordinal));
        Assert.Equal(5002, source.Summary.Lines);
    }
}
