using CallKitDoctor.Diagnosis.Findings;
using CallKitDoctor.Diagnosis.Reports;
using CallKitDoctor.Diagnosis.Streaming;
using CallKitDoctor.Logging.Reading;

namespace CallKitDoctor.Cli.Hosting;

/// <summary>What the commands need from the libraries: diagnose an input, and list the findings the rules can report.</summary>
public interface IDiagnosisService
{
    /// <summary>Every finding descriptor the rules can report (for <c>rules</c> and <c>--fail-on</c>).</summary>
    IReadOnlyList<DiagnosticDescriptor> Rules { get; }

    /// <summary>Reads and diagnoses <paramref name="path"/> (<c>-</c> for standard input).</summary>
    /// <exception cref="IOException">The input cannot be opened or read.</exception>
    DiagnosisReport Diagnose(string path, LogInputFormat format, CancellationToken cancellationToken);

    /// <summary>
    /// Reads and diagnoses <paramref name="path"/> with only the entries in <see cref="DiagnosisInputOptions.Window"/>,
    /// counting the read into <see cref="DiagnosisInputOptions.Progress"/>. A service that cannot do either reads
    /// everything (the default).
    /// </summary>
    /// <exception cref="IOException">The input cannot be opened or read.</exception>
    DiagnosisReport Diagnose(string path, LogInputFormat format, DiagnosisInputOptions options, CancellationToken cancellationToken) =>
        Diagnose(path, format, cancellationToken);

    /// <summary>
    /// As <see cref="Diagnose(string, LogInputFormat, DiagnosisInputOptions, CancellationToken)"/>, handing each
    /// finished call to <paramref name="sink"/> while the log streams instead of keeping it in the report. A service
    /// that cannot stream keeps the calls in the report and gives the sink none (the default): a
    /// <c>ReportStream</c> renders both the same.
    /// </summary>
    /// <exception cref="IOException">The input cannot be opened or read.</exception>
    DiagnosisReport Diagnose(string path, LogInputFormat format, DiagnosisInputOptions options, ICallSink sink, CancellationToken cancellationToken) =>
        Diagnose(path, format, options, cancellationToken);
}
