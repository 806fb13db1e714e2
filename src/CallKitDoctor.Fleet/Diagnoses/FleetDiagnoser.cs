using CallKitDoctor.Diagnosis;
using CallKitDoctor.Fleet.Engine;
using CallKitDoctor.Logging.Reading;

namespace CallKitDoctor.Fleet.Diagnoses;

/// <summary>
/// Takes the calls from many inputs in parallel (at most <c>degree</c> at a time): JSON reports are read, logs and
/// sysdiagnoses are diagnosed with the default diagnoser. An input that cannot be read becomes a failed input with
/// the reason; the others are kept in input order whatever order they finish in.
/// </summary>
public static class FleetDiagnoser
{
    public static async Task<DiagnosisBatch> RunAsync(
        IReadOnlyList<DiagnosisInput> inputs, int degree, IProgress<DiagnosisProgress>? progress, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(degree);
        var results = new DiagnosisFile?[inputs.Count];
        var done = 0;
        await Parallel.ForEachAsync(
            Enumerable.Range(0, inputs.Count),
            new ParallelOptions { MaxDegreeOfParallelism = degree, CancellationToken = cancellationToken },
            async (i, token) =>
            {
                var input = inputs[i];
                results[i] = input.Kind == DiagnosisInputKind.Report
                    ? await DiagnosisJsonReader.ReadAsync(input.Path, token).ConfigureAwait(false)
                    : Diagnose(input.Path, token);
                progress?.Report(new DiagnosisProgress(Interlocked.Increment(ref done), inputs.Count, input.Path));
            }).ConfigureAwait(false);

        var calls = new List<DiagnosedCall>();
        var failed = new List<BadRow>();
        var empty = 0;
        foreach (var file in results.OfType<DiagnosisFile>())
        {
            if (file.Problem is { } problem)
            {
                failed.Add(problem);
            }
            else if (file.Calls.Count == 0)
            {
                empty++;
            }

            calls.AddRange(file.Calls);
        }

        return new DiagnosisBatch([.. inputs.Select(i => i.Path)], calls, failed, empty);
    }

    private static DiagnosisFile Diagnose(string path, CancellationToken cancellationToken)
    {
        try
        {
            var report = CallDiagnoser.CreateDefault().Diagnose(LogSources.Open(path), cancellationToken);
            return new DiagnosisFile(path, DiagnosisReportRows.From(report, path), null);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or NotSupportedException or InvalidDataException)
        {
            return new DiagnosisFile(path, [], new BadRow(0, null, "cannot diagnose: " + TelemetryTable.FirstLine(ex.Message), path));
        }
    }
}
