namespace CallKitDoctor.Cli.Output;

/// <summary>
/// When the terminal report may use colours: only on an interactive stdout, never with <c>--no-color</c>, never when
/// the <c>NO_COLOR</c> environment variable is set, never into a file.
/// </summary>
internal static class ColorPolicy
{
    public static bool UseColor(bool outputIsTerminal, bool noColorVariable, bool noColorOption, bool writingToFile) =>
        outputIsTerminal && !noColorVariable && !noColorOption && !writingToFile;
}
