namespace CallKitDoctor.Cli.Progress;

/// <summary>
/// Shows the progress of a read (or of a batch of inputs) while <c>work</c> runs (a Spectre.Console bar on a terminal's stderr; nothing when
/// silent). Injected through <see cref="Hosting.CliEnvironment.Progress"/>, so tests can record what is reported.
/// </summary>
public interface IProgressDisplay
{
    /// <summary>The least time between two reports this display wants.</summary>
    TimeSpan Interval { get; }

    /// <summary>
    /// Runs <paramref name="work"/>, which reports through the sink it is given, and returns its result.
    /// <paramref name="total"/> is in <paramref name="unit"/>s (bytes of the input, or inputs of a batch).
    /// </summary>
    T Run<T>(string label, long total, Func<IProgressSink?, T> work, ProgressUnit unit = ProgressUnit.Bytes);
}
