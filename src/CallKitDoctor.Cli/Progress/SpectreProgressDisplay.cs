using System.Globalization;
using Spectre.Console;

namespace CallKitDoctor.Cli.Progress;

/// <summary>A Spectre.Console progress bar on a terminal (stderr): bytes read of the input, entries and entries/s; cleared when done.</summary>
public sealed class SpectreProgressDisplay(TextWriter terminal) : IProgressDisplay
{
    public TimeSpan Interval => TimeSpan.FromMilliseconds(250);

    public T Run<T>(string label, long totalBytes, Func<IProgressSink?, T> work)
    {
        ArgumentNullException.ThrowIfNull(work);
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(terminal),
            Ansi = AnsiSupport.Detect,
            Interactive = InteractionSupport.Yes,
        });
        var progress = console.Progress();
        progress.RefreshRate = Interval;
        return progress
            .AutoClear(true)
            .AutoRefresh(true)
            .Columns(new TaskDescriptionColumn { Alignment = Justify.Left }, new ProgressBarColumn(), new PercentageColumn(), new DownloadedColumn(), new ElapsedTimeColumn())
            .Start(context =>
            {
                var task = context.AddTask(Markup.Escape(label), autoStart: true, maxValue: Math.Max(totalBytes, 1));
                task.IsIndeterminate = totalBytes <= 0;
                return work(new TaskSink(task, label, totalBytes));
            });
    }

    private sealed class TaskSink(ProgressTask task, string label, long totalBytes) : IProgressSink
    {
        public void Report(ReadProgress progress)
        {
            task.Value = totalBytes > 0 ? Math.Min(progress.BytesRead, totalBytes) : 0;
            task.Description = Markup.Escape(string.Create(CultureInfo.InvariantCulture,
                $"{label}  {progress.Entries:N0} entries, {progress.EntriesPerSecond:N0}/s"));
        }
    }
}
