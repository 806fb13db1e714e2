using System.Diagnostics;
using CallKitDoctor.Cli.Progress;
using CallKitDoctor.Fleet.Diagnoses;

namespace CallKitDoctor.Cli.Commands;

/// <summary>
/// Passes <c>fleet</c>'s per-input progress (reported from several diagnosis threads at once) to the CLI's progress
/// display, as inputs done of the total with the last input's name: at most one report per interval, and always the
/// last one (all inputs done).
/// </summary>
internal sealed class FleetProgress(IProgressSink sink, TimeSpan interval) : IProgress<DiagnosisProgress>
{
    private readonly Lock _gate = new();
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private TimeSpan? _lastReport;
    private int _done;
    private bool _finished;

    public void Report(DiagnosisProgress value)
    {
        lock (_gate)
        {
            // Threads finish out of order: the count shown never goes down.
            _done = Math.Max(_done, value.Done);
            var now = _clock.Elapsed;
            var all = _done >= value.Total;
            if (_finished || (!all && _lastReport is { } last && now - last < interval))
            {
                return;
            }

            _lastReport = now;
            _finished = all;
            sink.Report(new ReadProgress(_done, value.Total, 0, now, value.Last));
        }
    }
}
