namespace CallKitDoctor.Cli.Progress;

/// <summary>Shows nothing: stderr is not a terminal, or <c>--quiet</c> was given.</summary>
public sealed class SilentProgressDisplay : IProgressDisplay
{
    public static SilentProgressDisplay Instance { get; } = new();

    public TimeSpan Interval => TimeSpan.MaxValue;

    public T Run<T>(string label, long total, Func<IProgressSink?, T> work, ProgressUnit unit = ProgressUnit.Bytes)
    {
        ArgumentNullException.ThrowIfNull(work);
        return work(null);
    }
}
