using CallKitDoctor.Diagnosis.Flows;
using CallKitDoctor.Diagnosis.Reports;

namespace CallKitDoctor.Reports.Streaming;

/// <summary>A <see cref="ReportStream"/> for the text reports: call sections go to the spill file as UTF-16 text.</summary>
internal sealed class TextReportStream(ITextReportLayout layout) : ReportStream
{
    private SpillFile? _file;
    private CharSpillWriter? _writer;
    private Action<CallFlow>? _write;
    private bool _disposed;

    public override string? SpillFolder => _file?.FolderPath;

    private protected override void AcceptCore(CallFlow call)
    {
        ArgumentNullException.ThrowIfNull(call);
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (_write is null)
        {
            _file = new SpillFile();
            _writer = new CharSpillWriter(_file.Stream, Environment.NewLine);
            _write = layout.CallWriter(_writer);
        }

        _write(call);
        SpilledCalls++;
    }

    public override void Complete(DiagnosisReport report, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(output);
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (_writer is null || _file is null)
        {
            layout.WriteDocument(report, output, null);
            return;
        }

        if (output.NewLine != _writer.NewLine)
        {
            throw new ArgumentException("the output must end lines with Environment.NewLine, as the spilled calls do", nameof(output));
        }

        try
        {
            _writer.Flush();
            _file.Rewind();
        }
        catch (Exception ex) when (ReportSpillException.IsUnwrapped(ex))
        {
            throw ReportSpillException.From(SpillFolder, ex);
        }

        var file = _file;
        layout.WriteDocument(report, output, o => CharSpillWriter.CopyTo(file.Stream, o));
    }

    protected override void Dispose(bool disposing)
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        if (disposing)
        {
            _writer?.Dispose();
            _file?.Dispose();
            _file = null;
        }
    }
}
