using CallKitDoctor.Diagnosis.Reports;

namespace CallKitDoctor.Reports.Rendering;

/// <summary>Writes a <see cref="DiagnosisReport"/> in one output format.</summary>
public interface IReportRenderer
{
    /// <summary>The format this renderer writes.</summary>
    ReportFormat Format { get; }

    /// <summary>Writes the report to <paramref name="output"/>. Never throws for unusual report content.</summary>
    void Render(DiagnosisReport report, TextWriter output);
}
