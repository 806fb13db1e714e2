using CallKitDoctor.Diagnosis.Reports;
using CallKitDoctor.Diagnosis.Streaming;
using CallKitDoctor.Reports.Rendering;
using CallKitDoctor.Reports.Tests.Fixtures;

namespace CallKitDoctor.Reports.Tests.Streaming;

/// <summary>
/// A <see cref="Reports.Streaming.ReportStream"/> given a report's calls one by one writes what the renderer writes
/// for the report holding them, in every format, and leaves no spill file behind.
/// </summary>
public class ReportStreamTests
{
    private static readonly RenderOptions Options = new() { Tool = new ToolInfo("callkit-doctor", "9.9.9"), Width = 90, Color = true };

    public static TheoryData<ReportFormat> Formats() => new(Enum.GetValues<ReportFormat>());

    [Theory]
    [MemberData(nameof(Formats))]
    public void StreamingTheProductionReportsCallsWritesTheSameDocument(ReportFormat format)
    {
        var renderer = ReportRenderers.Create(format, Options);
        var expected = renderer.Render(SampleReports.Production());
        Assert.Equal(expected, Stream(renderer, SampleReports.Production(), keepLast: 0));
    }

    [Theory]
    [MemberData(nameof(Formats))]
    public void HostileTextSurvivesTheSpillFileCharacterForCharacter(ReportFormat format)
    {
        // Lone surrogates, control characters, markup: the spill stores characters, not an encoding of them.
        var renderer = ReportRenderers.Create(format, Options);
        var expected = renderer.Render(SampleReports.Hostile());
        Assert.Equal(expected, Stream(renderer, SampleReports.Hostile(), keepLast: 0));
    }

    [Theory]
    [MemberData(nameof(Formats))]
    public void CallsStreamedAndCallsStillInTheReportAreWrittenInOrder(ReportFormat format)
    {
        var renderer = ReportRenderers.Create(format, Options);
        var expected = renderer.Render(SampleReports.Production());
        Assert.Equal(expected, Stream(renderer, SampleReports.Production(), keepLast: 1));
    }

    [Theory]
    [MemberData(nameof(Formats))]
    public void AReportWithoutCallsNeedsNoSpillFile(ReportFormat format)
    {
        var renderer = ReportRenderers.Create(format, Options);
        var expected = renderer.Render(SampleReports.Empty());
        using var stream = renderer.OpenStream();
        using var writer = new StringWriter();
        stream.Complete(SampleReports.Empty(), writer);
        Assert.Null(stream.SpillFolder);
        Assert.Equal(expected, writer.ToString());
    }

    [Theory]
    [MemberData(nameof(Formats))]
    public void DisposingWithoutCompletingDeletesTheSpillFolder(ReportFormat format)
    {
        var renderer = ReportRenderers.Create(format, Options);
        string folder;
        using (var stream = renderer.OpenStream())
        {
            foreach (var call in SampleReports.Production().Calls)
            {
                stream.Accept(call);
            }

            folder = stream.SpillFolder!;
            Assert.True(Directory.Exists(folder));
            Assert.StartsWith(Path.GetTempPath(), folder, StringComparison.Ordinal);
            // The spill file is delete-on-close: its name may already be gone, never its folder's owner-only mode.
            if (!OperatingSystem.IsWindows())
            {
                Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(folder));
            }
        }

        Assert.False(Directory.Exists(folder));
    }

    [Fact]
    public void AStreamRefusesAnOutputThatEndsLinesDifferently()
    {
        var renderer = ReportRenderers.Create(ReportFormat.Markdown, Options);
        using var stream = renderer.OpenStream();
        stream.Accept(SampleReports.Production().Calls[0]);
        using var writer = new StringWriter { NewLine = Environment.NewLine == "\n" ? "\r\n" : "\n" };
        Assert.Throws<ArgumentException>(() => stream.Complete(SampleReports.Production(), writer));
    }

    [Fact]
    public void ALongCallStreamsThroughSeveralBuffers()
    {
        // More text than the spill writer's and the copy's buffers hold: nothing lost or doubled at their edges.
        var report = SampleReports.Production();
        var call = report.Calls[0];
        var template = call.Events[0];
        for (var i = 0; i < 3000; i++)
        {
            call.Events.Add(template);
        }

        foreach (var format in Enum.GetValues<ReportFormat>())
        {
            var renderer = ReportRenderers.Create(format, Options);
            var expected = renderer.Render(report);
            Assert.Equal(expected, Stream(renderer, report, keepLast: 0));
        }
    }

    /// <summary>Streams the report's calls (all but the last <paramref name="keepLast"/>) and completes with the rest kept.</summary>
    private static string Stream(IReportRenderer renderer, DiagnosisReport report, int keepLast)
    {
        var calls = report.Calls.ToList();
        var streamed = new CallTally();
        var rest = new DiagnosisReport
        {
            Input = report.Input,
            Context = report.Context,
            Coverage = report.Coverage,
            StreamedCalls = streamed,
            RecognisedEvents = report.RecognisedEvents,
        };
        rest.Findings.AddRange(report.Findings);
        using var stream = renderer.OpenStream();
        foreach (var call in calls.Take(calls.Count - keepLast))
        {
            streamed.Add(call);
            stream.Accept(call);
        }

        rest.Calls.AddRange(calls.Skip(calls.Count - keepLast));
        Assert.Equal(report.CallCount, rest.CallCount);
        using var writer = new StringWriter();
        stream.Complete(rest, writer);
        return writer.ToString();
    }
}
