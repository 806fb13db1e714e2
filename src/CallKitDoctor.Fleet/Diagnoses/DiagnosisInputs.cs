using System.Text.Json;

namespace CallKitDoctor.Fleet.Diagnoses;

/// <summary>
/// Expands the paths given to <c>fleet</c> into diagnosis inputs: a folder that is a sysdiagnose or logarchive is one
/// log; any other folder contributes every file under it (in name order, hidden files skipped); a file is a report
/// when it starts like a <c>diagnose --format json</c> report, and a log to diagnose otherwise.
/// </summary>
public static class DiagnosisInputs
{
    private const int SniffBytes = 4096;

    public static IReadOnlyList<DiagnosisInput> Expand(IEnumerable<string> paths)
    {
        var inputs = new List<DiagnosisInput>();
        foreach (var path in paths)
        {
            if (Directory.Exists(path))
            {
                AddFolder(path, inputs);
            }
            else
            {
                inputs.Add(Classify(path));
            }
        }

        return inputs;
    }

    /// <summary>A report when the file starts with <c>{ "schemaVersion":</c> (as every diagnosis report does).</summary>
    public static bool IsDiagnosisReport(string path)
    {
        Span<byte> head = stackalloc byte[SniffBytes];
        int read;
        try
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, 1);
            read = stream.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return false;
        }

        var bytes = head[..read];
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            bytes = bytes[3..];
        }

        var reader = new Utf8JsonReader(bytes, isFinalBlock: false, default);
        try
        {
            return reader.Read() && reader.TokenType == JsonTokenType.StartObject
                && reader.Read() && reader.TokenType == JsonTokenType.PropertyName && reader.ValueTextEquals("schemaVersion"u8);
        }
        catch (JsonException)
        {
            return false;
        }
    }

    private static DiagnosisInput Classify(string path) =>
        new(path, File.Exists(path) && IsDiagnosisReport(path) ? DiagnosisInputKind.Report : DiagnosisInputKind.Log);

    private static void AddFolder(string folder, List<DiagnosisInput> inputs)
    {
        if (IsLogFolder(folder))
        {
            inputs.Add(new DiagnosisInput(folder, DiagnosisInputKind.Log));
            return;
        }

        foreach (var directory in Directory.EnumerateDirectories(folder).Where(d => !Hidden(d)).Order(StringComparer.Ordinal))
        {
            AddFolder(directory, inputs);
        }

        foreach (var file in Directory.EnumerateFiles(folder).Where(f => !Hidden(f)).Order(StringComparer.Ordinal))
        {
            inputs.Add(Classify(file));
        }
    }

    /// <summary>A logarchive, or a folder holding one or tracev3 files (an unpacked sysdiagnose): diagnosed as a whole.</summary>
    private static bool IsLogFolder(string folder) =>
        folder.EndsWith(".logarchive", StringComparison.OrdinalIgnoreCase)
        || Directory.Exists(Path.Combine(folder, "system_logs.logarchive"))
        || Directory.EnumerateFiles(folder, "*.tracev3").Any();

    private static bool Hidden(string path) => Path.GetFileName(path).StartsWith('.');
}
