using CallKitDoctor.Fleet.Diagnoses;

namespace CallKitDoctor.Cli.Commands;

/// <summary>
/// A one-line progress bar for <c>fleet</c> over diagnosis inputs, redrawn in place on stderr (only used when stderr
/// is a terminal) and cleared when disposed. Reports may come from several threads at once.
/// </summary>
internal sealed class FleetProgressBar(TextWriter error, int width) : IProgress<DiagnosisProgress>, IDisposable
{
    private readonly Lock _gate = new();
    private bool _drawn;

    public void Report(DiagnosisProgress value)
    {
        lock (_gate)
        {
            var cells = Math.Clamp(width - 40, 10, 50);
            var filled = value.Total == 0 ? cells : (int)((long)cells * value.Done / value.Total);
            var name = Path.GetFileName(value.Last.TrimEnd(Path.DirectorySeparatorChar));
            var room = Math.Max(0, width - cells - 24);
            if (name.Length > room)
            {
                name = room > 1 ? "…" + name[^(room - 1)..] : "";
            }

            error.Write($"\r\u001b[2K[{new string('#', filled)}{new string('-', cells - filled)}] {value.Done}/{value.Total} {name}");
            error.Flush();
            _drawn = true;
        }
    }

    public void Dispose()
    {
        lock (_gate)
        {
            if (_drawn)
            {
                error.Write("\r\u001b[2K");
                error.Flush();
            }
        }
    }
}
