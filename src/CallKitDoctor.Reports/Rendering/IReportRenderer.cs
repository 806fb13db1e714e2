using CallKitDoctor.Diagnosis.Reports;
using CallKitDoctor.Reports.Streaming;

namespace CallKitDoctor.Reports.Rendering;

/// <summary>Writes a <see cref="DiagnosisReport"/> in one output format.</summary>
public interface IReportRenderer
{
    /// <summary>The format this renderer writes.</summary>
    ReportFormat Format { get; }

    /// <summary>Writes the report to <paramref name="output"/>. Never throws for unusual report content.</summary>
    void Render(DiagnosisReport report, TextWriter output);

    /// <summary>
    /// Starts a streamed rendering: pass the stream to the diagnoser as its call sink, then
    /// <see cref="ReportStream.Complete"/> it with the report. The output is the one <see cref="Render"/> writes.
    /// </summary>
    ReportStream OpenStream();
}
