using CallKitDoctor.Cli.Progress;
using CallKitDoctor.Logging.Filtering;

namespace CallKitDoctor.Cli.Hosting;

/// <summary>
/// How <c>diagnose</c> reads its input: <see cref="Window"/> narrows the entries analysed (<c>--start/--end/--last</c>),
/// <see cref="Progress"/> counts the read for a progress display.
/// </summary>
public sealed record DiagnosisInputOptions(EntryFilter? Window = null, ProgressMeter? Progress = null)
{
    public static DiagnosisInputOptions None { get; } = new();
}
