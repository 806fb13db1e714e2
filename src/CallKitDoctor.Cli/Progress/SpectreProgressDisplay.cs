using System.Globalization;
using Spectre.Console;

namespace CallKitDoctor.Cli.Progress;

/// <summary>
/// A Spectre.Console progress bar on a terminal (stderr): bytes read of the input with entries and entries/s, or inputs
/// done of a batch with the last one's name; cleared when done. Redrawn only when a report arrives (the reporters send
/// one at most every <see cref="Interval"/>), on the reporting thread: no refresh thread redrawing an unchanged bar.
/// A redraw costs Spectre about 15 ms of CPU, so reports are asked for once a second (measured: 36 ms CPU per second
/// shown, against 72 at four a second; see bench/RESULTS.md, Sysdiagnose, Session 8 show-layout).
/// </summary>
public sealed class SpectreProgressDisplay(TextWriter terminal) : IProgressDisplay
{
    public TimeSpan Interval => TimeSpan.FromSeconds(1);

    public T Run<T>(string label, long total, Func<IProgressSink?, T> work, ProgressUnit unit = ProgressUnit.Bytes)
    {
        ArgumentNullException.ThrowIfNull(work);
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(terminal),
            Ansi = AnsiSupport.Detect,
            Interactive = InteractionSupport.Yes,
        });
        ProgressColumn[] columns = unit == ProgressUnit.Bytes
            ? [new TaskDescriptionColumn { Alignment = Justify.Left }, new ProgressBarColumn(), new PercentageColumn(), new DownloadedColumn(), new ElapsedTimeColumn()]
            : [new TaskDescriptionColumn { Alignment = Justify.Left }, new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn()];
        return console.Progress()
            .AutoClear(true)
            .AutoRefresh(false)
            .Columns(columns)
            .Start(context =>
            {
                var task = context.AddTask(Markup.Escape(label), autoStart: true, maxValue: Math.Max(total, 1));
                task.IsIndeterminate = total <= 0;
                context.Refresh();
                return work(new TaskSink(context, task, label, total, unit));
            });
    }

    /// <summary>Updates the task and redraws; reports may come from several threads (fleet), so one at a time.</summary>
    private sealed class TaskSink(ProgressContext context, ProgressTask task, string label, long total, ProgressUnit unit) : IProgressSink
    {
        private readonly Lock _gate = new();

        public void Report(ReadProgress progress)
        {
            lock (_gate)
            {
                task.Value = total > 0 ? Math.Min(progress.BytesRead, total) : 0;
                task.Description = Markup.Escape(unit == ProgressUnit.Bytes
                    ? string.Create(CultureInfo.InvariantCulture, $"{label}  {progress.Entries:N0} entries, {progress.EntriesPerSecond:N0}/s")
                    : string.Create(CultureInfo.InvariantCulture, $"{label}  {progress.BytesRead:N0}/{progress.TotalBytes:N0} {Path.GetFileName(progress.Current)}"));
                context.Refresh();
            }
        }
    }
}
