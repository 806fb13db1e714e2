using CallKitDoctor.Diagnosis.Flows;
using CallKitDoctor.Diagnosis.Reports;

namespace CallKitDoctor.Reports.Streaming;

/// <summary>A text report cut where calls can be rendered apart from the rest: the terminal, Markdown and HTML reports.</summary>
internal interface ITextReportLayout
{
    /// <summary>A writer of call sections to <paramref name="target"/>, each as the whole document would show it.</summary>
    Action<CallFlow> CallWriter(TextWriter target);

    /// <summary>
    /// Writes the document: header, then <paramref name="streamedCalls"/> (the call sections rendered earlier, when
    /// given), then <see cref="DiagnosisReport.Calls"/>, then the rest.
    /// </summary>
    void WriteDocument(DiagnosisReport report, TextWriter output, Action<TextWriter>? streamedCalls);
}
