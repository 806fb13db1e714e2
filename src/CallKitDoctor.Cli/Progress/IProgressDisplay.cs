namespace CallKitDoctor.Cli.Progress;

/// <summary>
/// Shows the progress of a read while <c>work</c> runs (a Spectre.Console bar on a terminal's stderr; nothing when
/// silent). Injected through <see cref="Hosting.CliEnvironment.Progress"/>, so tests can record what is reported.
/// </summary>
public interface IProgressDisplay
{
    /// <summary>The least time between two reports this display wants.</summary>
    TimeSpan Interval { get; }

    /// <summary>Runs <paramref name="work"/>, which reports through the sink it is given, and returns its result.</summary>
    T Run<T>(string label, long totalBytes, Func<IProgressSink?, T> work);
}
