using CallKitDoctor.Diagnosis.Flows;
using CallKitDoctor.Diagnosis.Reports;
using CallKitDoctor.Reports.Streaming;
using CallKitDoctor.Reports.Tests.Fixtures;

namespace CallKitDoctor.Reports.Tests.Streaming;

/// <summary>
/// A failure of the spill file (disk full, folder not creatable) comes out of a <see cref="ReportStream"/> as a
/// <see cref="ReportSpillException"/> naming the folder and keeping the cause, so the CLI does not blame the log.
/// </summary>
public class ReportSpillExceptionTests
{
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void AnIoFailureWhileSpillingACallIsWrappedWithItsFolder(bool unauthorized)
    {
        Exception cause = unauthorized ? new UnauthorizedAccessException("denied") : new IOException("No space left on device");
        using var stream = new FailingStream(cause);

        var thrown = Assert.Throws<ReportSpillException>(() => stream.Accept(SampleReports.Production().Calls[0]));

        Assert.Equal("/spill/folder", thrown.Folder);
        Assert.StartsWith("cannot write the report's temporary file in /spill/folder: ", thrown.Message, StringComparison.Ordinal);
        Assert.Contains(cause.Message, thrown.Message, StringComparison.Ordinal);
        Assert.Same(cause, unauthorized ? thrown.InnerException!.InnerException : thrown.InnerException);
        Assert.IsAssignableFrom<IOException>(thrown);
    }

    [Fact]
    public void OtherFailuresAndAlreadyWrappedOnesPassThroughUnchanged()
    {
        var wrapped = new ReportSpillException("/elsewhere", new IOException("full"));
        using (var stream = new FailingStream(wrapped))
        {
            Assert.Same(wrapped, Assert.Throws<ReportSpillException>(() => stream.Accept(SampleReports.Production().Calls[0])));
        }

        using (var stream = new FailingStream(new InvalidOperationException("a bug, not the disk")))
        {
            Assert.Throws<InvalidOperationException>(() => stream.Accept(SampleReports.Production().Calls[0]));
        }
    }

    [Fact]
    public void AFolderThatCannotBeCreatedIsReportedAsASpillFailure()
    {
        var wrapped = ReportSpillException.From(null, new DirectoryNotFoundException("Could not find a part of the path"));

        Assert.Equal(Path.GetTempPath(), wrapped.Folder);
        Assert.IsType<DirectoryNotFoundException>(wrapped.InnerException);
        Assert.True(ReportSpillException.IsUnwrapped(new IOException()));
        Assert.False(ReportSpillException.IsUnwrapped(wrapped));
        Assert.False(ReportSpillException.IsUnwrapped(new InvalidOperationException()));
    }

    private sealed class FailingStream(Exception failure) : ReportStream
    {
        public override string? SpillFolder => "/spill/folder";

        public override void Complete(DiagnosisReport report, TextWriter output) => throw new NotSupportedException();

        private protected override void AcceptCore(CallFlow call) => throw failure;

        protected override void Dispose(bool disposing)
        {
        }
    }
}
