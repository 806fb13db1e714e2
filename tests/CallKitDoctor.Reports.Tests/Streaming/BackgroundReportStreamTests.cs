using CallKitDoctor.Diagnosis.Flows;
using CallKitDoctor.Diagnosis.Reports;
using CallKitDoctor.Diagnosis.Streaming;
using CallKitDoctor.Reports.Rendering;
using CallKitDoctor.Reports.Streaming;
using CallKitDoctor.Reports.Tests.Fixtures;

namespace CallKitDoctor.Reports.Tests.Streaming;

/// <summary>
/// A <see cref="BackgroundReportStream"/> renders on its own thread exactly what its inner stream renders on the
/// caller's, in order, and passes the inner stream's failures on without hanging.
/// </summary>
public class BackgroundReportStreamTests
{
    private static readonly RenderOptions Options = new() { Tool = new ToolInfo("callkit-doctor", "9.9.9"), Width = 100, Color = true };

    public static TheoryData<ReportFormat> Formats() => new(Enum.GetValues<ReportFormat>());

    [Theory]
    [MemberData(nameof(Formats))]
    public void ManyCallsComeOutInOrderAsTheInnerStreamWritesThem(ReportFormat format)
    {
        // Several random reports' calls in one stream: far more calls than the queue holds, of varied shapes.
        var calls = Enumerable.Range(1, 80).SelectMany(seed => RandomReports.Build(seed).Calls).ToList();
        var template = RandomReports.Build(1);
        var renderer = ReportRenderers.Create(format, Options);

        var direct = Stream(renderer.OpenStream(), template, calls);
        var background = Stream(new BackgroundReportStream(renderer.OpenStream()), template, calls);

        Assert.True(calls.Count > BackgroundReportStream.QueuedCalls, $"only {calls.Count} calls");
        Assert.Equal(direct, background);
    }

    [Fact]
    public void TheProductionSampleIsTheSameWithOrWithoutTheThread()
    {
        foreach (var format in Enum.GetValues<ReportFormat>())
        {
            var renderer = ReportRenderers.Create(format, Options);
            var report = SampleReports.Production();
            Assert.Equal(renderer.Render(report), Stream(new BackgroundReportStream(renderer.OpenStream()), report, report.Calls.ToList()));
        }
    }

    [Fact]
    public void AFailureOfTheInnerStreamComesOutOfALaterAcceptOrOfComplete()
    {
        var failure = new ReportSpillException("/spill", new IOException("No space left on device"));
        var calls = SampleReports.Production().Calls;

        using (var stream = new BackgroundReportStream(new FailingStream(failure, failAfter: 1)))
        {
            // The first call renders; the second fails on the thread; the caller sees it at some later Accept (the
            // queue closes, so it cannot block) or, at the latest, at Complete.
            var thrown = Record.Exception(() =>
            {
                for (var i = 0; i < 10_000; i++)
                {
                    stream.Accept(calls[i % calls.Count]);
                }

                stream.Complete(SampleReports.Production(), new StringWriter());
            });
            Assert.Same(failure, thrown);
        }
    }

    [Fact]
    public void DisposingWithoutCompletingStopsTheThreadAndDeletesTheSpill()
    {
        var renderer = ReportRenderers.Create(ReportFormat.Json, Options);
        var inner = renderer.OpenStream();
        var stream = new BackgroundReportStream(inner);
        foreach (var call in SampleReports.Production().Calls)
        {
            stream.Accept(call);
        }

        stream.Dispose();

        Assert.Null(inner.SpillFolder);
        Assert.Throws<ObjectDisposedException>(() => stream.Accept(SampleReports.Production().Calls[0]));
    }

    [Fact]
    public void WaitingForTheRenderingMakesTheInnerStreamsStateCurrent()
    {
        var renderer = ReportRenderers.Create(ReportFormat.Text, Options);
        using var stream = new BackgroundReportStream(renderer.OpenStream());
        stream.Accept(SampleReports.Production().Calls[0]);

        stream.WaitForRendering();

        Assert.NotNull(stream.SpillFolder);
        Assert.True(Directory.Exists(stream.SpillFolder));
    }

    [Fact]
    public void WaitingForARenderingThatFailedThrowsTheFailure()
    {
        var failure = new ReportSpillException("/spill", new IOException("No space left on device"));
        using var stream = new BackgroundReportStream(new FailingStream(failure, failAfter: 0));
        stream.Accept(SampleReports.Production().Calls[0]);

        Assert.Same(failure, Assert.Throws<ReportSpillException>(stream.WaitForRendering));
    }

    [Fact]
    public void NothingIsAcceptedOnceComplete()
    {
        var renderer = ReportRenderers.Create(ReportFormat.Markdown, Options);
        using var stream = new BackgroundReportStream(renderer.OpenStream());
        stream.Complete(SampleReports.Empty(), new StringWriter());

        Assert.Throws<InvalidOperationException>(() => stream.Accept(SampleReports.Production().Calls[0]));
    }

    private static string Stream(ReportStream stream, DiagnosisReport template, List<CallFlow> calls)
    {
        var streamed = new CallTally();
        var report = new DiagnosisReport
        {
            Input = template.Input,
            Context = template.Context,
            Coverage = template.Coverage,
            StreamedCalls = streamed,
            RecognisedEvents = template.RecognisedEvents,
        };
        report.Findings.AddRange(template.Findings);
        using (stream)
        {
            foreach (var call in calls)
            {
                streamed.Add(call);
                stream.Accept(call);
            }

            using var writer = new StringWriter();
            stream.Complete(report, writer);
            Assert.Equal(calls.Count, stream.SpilledCalls);
            return writer.ToString();
        }
    }

    private sealed class FailingStream(Exception failure, int failAfter) : ReportStream
    {
        private int _accepted;

        public override string? SpillFolder => null;

        public override void Complete(DiagnosisReport report, TextWriter output)
        {
        }

        private protected override void AcceptCore(CallFlow call)
        {
            if (++_accepted > failAfter)
            {
                throw failure;
            }
        }

        protected override void Dispose(bool disposing)
        {
        }
    }
}
