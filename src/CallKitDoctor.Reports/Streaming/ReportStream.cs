using CallKitDoctor.Diagnosis.Flows;
using CallKitDoctor.Diagnosis.Reports;
using CallKitDoctor.Diagnosis.Streaming;

namespace CallKitDoctor.Reports.Streaming;

/// <summary>
/// A report rendered while the diagnosis streams: give it to
/// <see cref="Diagnosis.CallDiagnoser.Diagnose(Logging.Reading.ILogEntrySource, ICallSink, CancellationToken)"/> as
/// the sink, then call <see cref="Complete"/> with the report the diagnosis returns. Each finished call is rendered as
/// it comes into a spill file (the document's header counts lines and calls, so it can only be written at the end);
/// only counters stay in memory. <see cref="Complete"/> writes the header, the spilled calls, any calls the report
/// still holds, and the summary: the same characters <see cref="Rendering.IReportRenderer.Render"/> writes for the
/// same calls kept in a report. Disposing deletes the spill file, also after an error or a cancellation.
/// </summary>
public abstract class ReportStream : ICallSink, IDisposable
{
    private protected ReportStream()
    {
    }

    /// <summary>How many calls were rendered into the spill file so far.</summary>
    public int SpilledCalls { get; private protected set; }

    /// <summary>The private folder of the spill file while it exists (null before the first call and once disposed).</summary>
    public abstract string? SpillFolder { get; }

    /// <summary>Renders a finished call into the spill file.</summary>
    /// <exception cref="ReportSpillException">The spill file cannot be created or written (e.g. its disk is full).</exception>
    public void Accept(CallFlow call)
    {
        ArgumentNullException.ThrowIfNull(call);
        try
        {
            AcceptCore(call);
        }
        catch (Exception ex) when (ReportSpillException.IsUnwrapped(ex))
        {
            throw ReportSpillException.From(SpillFolder, ex);
        }
    }

    /// <summary>Renders a finished call into the spill file (creating it on the first call).</summary>
    private protected abstract void AcceptCore(CallFlow call);

    /// <summary>
    /// Writes the whole document to <paramref name="output"/>: header, the calls accepted so far, then
    /// <paramref name="report"/>'s own <see cref="DiagnosisReport.Calls"/>, then the log findings and the summary.
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="output"/> ends lines differently from the spilled text (<see cref="Environment.NewLine"/>).</exception>
    public abstract void Complete(DiagnosisReport report, TextWriter output);

    public void Dispose()
    {
        Dispose(true);
        GC.SuppressFinalize(this);
    }

    protected abstract void Dispose(bool disposing);
}
