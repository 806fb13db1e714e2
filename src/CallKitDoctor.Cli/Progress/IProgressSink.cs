namespace CallKitDoctor.Cli.Progress;

/// <summary>Receives progress reports (on the reading thread, at most every <see cref="ProgressMeter.Interval"/>).</summary>
public interface IProgressSink
{
    void Report(ReadProgress progress);
}
