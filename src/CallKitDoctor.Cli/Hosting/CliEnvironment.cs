using System.Text;
using CallKitDoctor.Cli.Progress;

namespace CallKitDoctor.Cli.Hosting;

/// <summary>
/// Everything the commands touch outside themselves: the output and error writers, whether stdout is a terminal,
/// the <c>NO_COLOR</c> convention, the terminal width, and the diagnosis service. Tests build one with string writers.
/// </summary>
public sealed class CliEnvironment : IDisposable
{
    private readonly bool _ownsWriters;

    public CliEnvironment(TextWriter output, TextWriter error, IDiagnosisService diagnosis, bool outputIsTerminal = false, bool noColorVariable = false, int terminalWidth = 120)
        : this(output, error, diagnosis, outputIsTerminal, noColorVariable, terminalWidth, ownsWriters: false)
    {
    }

    private CliEnvironment(TextWriter output, TextWriter error, IDiagnosisService diagnosis, bool outputIsTerminal, bool noColorVariable, int terminalWidth, bool ownsWriters)
    {
        Output = output;
        Error = error;
        Diagnosis = diagnosis;
        OutputIsTerminal = outputIsTerminal;
        NoColorVariable = noColorVariable;
        TerminalWidth = terminalWidth;
        _ownsWriters = ownsWriters;
    }

    /// <summary>Standard output (reports go here unless <c>--output</c> names a file).</summary>
    public TextWriter Output { get; }

    /// <summary>Standard error (one-line reasons for exit codes 1 and 2).</summary>
    public TextWriter Error { get; }

    public IDiagnosisService Diagnosis { get; }

    /// <summary>True when standard output is an interactive terminal.</summary>
    public bool OutputIsTerminal { get; }

    /// <summary>True when the <c>NO_COLOR</c> environment variable is set to a non-empty value.</summary>
    public bool NoColorVariable { get; }

    /// <summary>The terminal's width in columns (a default when not a terminal).</summary>
    public int TerminalWidth { get; }

    /// <summary>True when standard error is an interactive terminal (progress is shown there).</summary>
    public bool ErrorIsTerminal { get; init; }

    /// <summary>The progress display used when progress is shown; default: a Spectre.Console bar on <see cref="Error"/>.</summary>
    public IProgressDisplay? Progress { get; init; }

    /// <summary>
    /// The progress display for a read: <see cref="Progress"/> when standard error is a terminal and the command is not
    /// <paramref name="quiet"/>, else one that shows nothing.
    /// </summary>
    public IProgressDisplay ProgressDisplay(bool quiet) =>
        !quiet && ErrorIsTerminal ? Progress ?? new SpectreProgressDisplay(Error) : SilentProgressDisplay.Instance;

    /// <summary>The real process: buffered UTF-8 stdout, stderr, the console's state and the production service.</summary>
    public static CliEnvironment FromProcess()
    {
        var utf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);
        var stdout = new StreamWriter(Console.OpenStandardOutput(), utf8, 64 * 1024) { AutoFlush = false };
        var stderr = new StreamWriter(Console.OpenStandardError(), utf8) { AutoFlush = true };
        var isTerminal = !Console.IsOutputRedirected;
        var width = 120;
        if (isTerminal)
        {
            try
            {
                width = Console.WindowWidth > 0 ? Console.WindowWidth : width;
            }
            catch (IOException)
            {
                // No console window (a pseudo-terminal without a size): keep the default.
            }
        }

        return new CliEnvironment(stdout, stderr, new DiagnosisService(), isTerminal,
            !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("NO_COLOR")), width, ownsWriters: true)
        {
            ErrorIsTerminal = !Console.IsErrorRedirected,
        };
    }

    public void Dispose()
    {
        if (_ownsWriters)
        {
            Output.Dispose();
            Error.Dispose();
        }
    }
}
