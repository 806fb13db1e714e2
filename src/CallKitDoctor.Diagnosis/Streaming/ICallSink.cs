using CallKitDoctor.Diagnosis.Flows;

namespace CallKitDoctor.Diagnosis.Streaming;

/// <summary>
/// Takes the finished calls of a diagnosis one by one, in call order, as soon as nothing later in the log can change
/// them (their verdict, findings and timeline are final). A streamed report renders them as they come instead of
/// keeping them all in <see cref="Reports.DiagnosisReport.Calls"/>.
/// </summary>
public interface ICallSink
{
    /// <summary>Takes the next finished call. The sink may keep it or let it go.</summary>
    void Accept(CallFlow call);
}
