using CallKitDoctor.Diagnosis;
using CallKitDoctor.Diagnosis.Findings;
using CallKitDoctor.Diagnosis.Reports;
using CallKitDoctor.Logging.Reading;

namespace CallKitDoctor.Cli.Hosting;

/// <summary>The production wiring: the log readers behind <see cref="LogSources"/> and the default diagnoser.</summary>
public sealed class DiagnosisService : IDiagnosisService
{
    public IReadOnlyList<DiagnosticDescriptor> Rules => FindingDescriptors.All;

    public DiagnosisReport Diagnose(string path, LogInputFormat format, CancellationToken cancellationToken)
    {
        var source = LogSources.Open(path, format);
        return CallDiagnoser.CreateDefault().Diagnose(source, cancellationToken);
    }
}
