using CallKitDoctor.Diagnosis;
using CallKitDoctor.Diagnosis.Findings;
using CallKitDoctor.Diagnosis.Reports;
using CallKitDoctor.Diagnosis.Streaming;
using CallKitDoctor.Logging.Reading;

namespace CallKitDoctor.Cli.Hosting;

/// <summary>The production wiring: the log readers behind <see cref="LogSources"/> and the default diagnoser.</summary>
public sealed class DiagnosisService : IDiagnosisService
{
    public IReadOnlyList<DiagnosticDescriptor> Rules => FindingDescriptors.All;

    public DiagnosisReport Diagnose(string path, LogInputFormat format, CancellationToken cancellationToken) =>
        Diagnose(path, format, DiagnosisInputOptions.None, cancellationToken);

    public DiagnosisReport Diagnose(string path, LogInputFormat format, DiagnosisInputOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        var source = InputSources.Open(path, format, options.Window, options.Progress);
        return CallDiagnoser.CreateDefault().Diagnose(source, cancellationToken);
    }

    public DiagnosisReport Diagnose(string path, LogInputFormat format, DiagnosisInputOptions options, ICallSink sink, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        var source = InputSources.Open(path, format, options.Window, options.Progress);
        return CallDiagnoser.CreateDefault().Diagnose(source, sink, cancellationToken);
    }
}
