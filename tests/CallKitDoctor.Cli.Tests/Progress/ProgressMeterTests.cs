using CallKitDoctor.Cli.Progress;
using CallKitDoctor.Logging.Entries;

namespace CallKitDoctor.Cli.Tests.Progress;

public sealed class ProgressMeterTests
{
    private static LogEntry At(string file, long offset) => new("x") { Location = InputLocation.Binary(file, offset) };

    [Fact]
    public void BytesFromOffsetsAddTheFurthestChunkOfEachFileAcrossInterleavedFiles()
    {
        var display = new RecordingProgressDisplay();
        var meter = new ProgressMeter(display, 1000, bytesFromEntryOffsets: true, TimeSpan.Zero);
        string a = "a.tracev3", b = "b.tracev3";

        // Entries come every 512 before a report: feed enough for reports at known points.
        foreach (var (file, offset) in new[] { (a, 100L), (b, 50L), (a, 80L), (b, 300L), (a, 400L) })
        {
            for (var i = 0; i < 512; i++)
            {
                meter.Entry(At(file, offset));
            }
        }

        meter.Complete(readToEnd: false);

        Assert.Equal([100L, 150L, 150L, 400L, 700L, 700L], display.Reports.Select(r => r.BytesRead));
        Assert.Equal(5 * 512, display.Reports[^1].Entries);
        display.AssertMonotone();
    }

    [Fact]
    public void ReportsAtMostOncePerIntervalThenTheFinalFigures()
    {
        var display = new RecordingProgressDisplay();
        var meter = new ProgressMeter(display, 10_000, bytesFromEntryOffsets: false, TimeSpan.FromHours(1));
        for (var i = 1; i <= 5000; i++)
        {
            meter.Bytes(i);
            meter.Entry(new LogEntry("x"));
        }

        meter.Complete(readToEnd: true);

        Assert.Equal(2, display.Reports.Count);
        Assert.Equal((1L, 0L), (display.Reports[0].BytesRead, display.Reports[0].Entries));
        Assert.Equal((10_000L, 5000L), (display.Reports[1].BytesRead, display.Reports[1].Entries));
    }

    [Fact]
    public void TextEntriesWithoutOffsetsAndLowerByteCountsNeverMoveBytesBack()
    {
        var display = new RecordingProgressDisplay();
        var meter = new ProgressMeter(display, 0, bytesFromEntryOffsets: true, TimeSpan.Zero);
        meter.Bytes(500);
        meter.Bytes(200);
        meter.Entry(new LogEntry("no offset") { Location = InputLocation.Lines("t.log", 3, 3) });
        meter.Complete(readToEnd: true);

        Assert.All(display.Reports, r => Assert.Equal(500, r.BytesRead));
        display.AssertMonotone();
    }

    [Fact]
    public void WithoutASinkNothingIsCountedOrWrapped()
    {
        var meter = new ProgressMeter(null, 100, true);
        using var stream = new MemoryStream([1, 2, 3]);

        Assert.False(meter.IsActive);
        Assert.Same(stream, meter.Observe(stream));
        meter.Entry(At("a", 5));
        meter.Complete(true);
    }

    [Fact]
    public void ObservedStreamCountsWhatIsRead()
    {
        var display = new RecordingProgressDisplay();
        var meter = new ProgressMeter(display, 10, false, TimeSpan.Zero);
        using var stream = meter.Observe(new MemoryStream(new byte[10]));
        var buffer = new byte[4];
        while (stream.Read(buffer) > 0)
        {
        }

        Assert.Equal([4L, 8L, 10L], display.Reports.Select(r => r.BytesRead));
    }
}
