using CallKitDoctor.Logging.Entries;
using CallKitDoctor.Logging.Reading;

namespace CallKitDoctor.Logging.Text;

/// <summary>
/// Console.app copies: <c>level&lt;TAB&gt;time&lt;TAB&gt;process&lt;TAB&gt;message</c>, the level column empty or missing on
/// default lines, localized level words, time with or without date, offsets <c>+0200</c> or <c> +0530</c>. A header line
/// naming the columns (Type, Time, Process, Subsystem, Category, PID, TID, Library, Message…) maps extra columns.
/// Copies whose tabs became spaces are read when the line starts with a level word or a time without date.
/// </summary>
internal sealed class ConsoleLayout : LineLayout
{
    private ConsoleColumn[]? _columns;

    public override LogInputFormat Format => LogInputFormat.Console;

    public override LineKind Classify(ReadOnlySpan<char> line, ref LineFields fields)
    {
        if (_columns is not null && ClassifyWithColumns(line, ref fields))
        {
            return LineKind.Entry;
        }

        var tab = line.IndexOf('\t');
        if (tab >= 0)
        {
            if (TryHeader(line))
            {
                return LineKind.Ignored;
            }

            return ClassifyTabbed(line, tab, ref fields) ? LineKind.Entry : LineKind.Unmatched;
        }

        return ClassifySpaced(line, ref fields) ? LineKind.Entry : LineKind.Unmatched;
    }

    private static bool ClassifyTabbed(ReadOnlySpan<char> line, int tab, ref LineFields fields)
    {
        var first = line[..tab];
        var rest = line[(tab + 1)..];
        if (!IsWholeTimestamp(first, ref fields))
        {
            if (first.Length > 40)
            {
                return false;
            }

            fields.Level = ConsoleLevelNames.Parse(first);
            var next = rest.IndexOf('\t');
            var timeField = next >= 0 ? rest[..next] : rest;
            if (!IsWholeTimestamp(timeField, ref fields))
            {
                return false;
            }

            rest = next >= 0 ? rest[(next + 1)..] : [];
        }
        else
        {
            fields.Level = LogLevel.Default;
        }

        var processEnd = rest.IndexOf('\t');
        fields.Process = (processEnd >= 0 ? rest[..processEnd] : rest).Trim();
        fields.Message = processEnd >= 0 ? rest[(processEnd + 1)..] : [];
        fields.EventType = LogEventType.LogEvent;
        return fields.Process.Length is > 0 and <= 256;
    }

    private static bool ClassifySpaced(ReadOnlySpan<char> line, ref LineFields fields)
    {
        var rest = line;
        var levelLength = ConsoleLevelNames.MatchPrefix(line, out var level);
        if (levelLength > 0)
        {
            rest = line[levelLength..].TrimStart(' ');
        }

        var used = TimestampParser.Parse(rest, out var time);
        if (used == 0 || used >= rest.Length || rest[used] != ' ' || (levelLength == 0 && time.HasDate))
        {
            return false;
        }

        rest = rest[used..].TrimStart(' ');
        var space = rest.IndexOf(' ');
        var process = space >= 0 ? rest[..space] : rest;
        if (process.IsEmpty || process[^1] == ':' || process.Contains('['))
        {
            return false;
        }

        fields.HasTime = true;
        fields.Time = time;
        fields.Level = levelLength > 0 ? level : LogLevel.Default;
        fields.Process = process;
        fields.Message = space >= 0 ? rest[(space + 1)..] : [];
        fields.EventType = LogEventType.LogEvent;
        return true;
    }

    private static bool IsWholeTimestamp(ReadOnlySpan<char> field, ref LineFields fields)
    {
        field = field.Trim(' ');
        var used = TimestampParser.Parse(field, out var time);
        if (used == 0 || used != field.Length)
        {
            return false;
        }

        fields.HasTime = true;
        fields.Time = time;
        return true;
    }

    private bool TryHeader(ReadOnlySpan<char> line)
    {
        var columns = new List<ConsoleColumn>();
        var known = 0;
        var hasAnchor = false;
        foreach (var range in line.Split('\t'))
        {
            var column = ColumnFor(line[range].Trim());
            columns.Add(column);
            if (column != ConsoleColumn.Other)
            {
                known++;
            }

            hasAnchor |= column is ConsoleColumn.Time or ConsoleColumn.Message;
        }

        if (columns.Count < 2 || known < 2 || !hasAnchor || known < columns.Count - 1)
        {
            return false;
        }

        _columns = [.. columns];
        return true;
    }

    private bool ClassifyWithColumns(ReadOnlySpan<char> line, ref LineFields fields)
    {
        var columns = _columns!;
        var rest = line;
        var sawTime = false;
        for (var c = 0; c < columns.Length; c++)
        {
            ReadOnlySpan<char> value;
            var last = c == columns.Length - 1;
            var tab = rest.IndexOf('\t');
            if (last || tab < 0)
            {
                value = rest;
                rest = [];
            }
            else
            {
                value = rest[..tab];
                rest = rest[(tab + 1)..];
            }

            switch (columns[c])
            {
                case ConsoleColumn.Level:
                    fields.Level = ConsoleLevelNames.Parse(value);
                    break;
                case ConsoleColumn.Time:
                    if (!IsWholeTimestamp(value, ref fields))
                    {
                        return false;
                    }

                    sawTime = true;
                    break;
                case ConsoleColumn.Process:
                    fields.Process = value.Trim();
                    break;
                case ConsoleColumn.Message:
                    fields.Message = value;
                    break;
                case ConsoleColumn.Subsystem:
                    fields.Subsystem = value.Trim();
                    break;
                case ConsoleColumn.Category:
                    fields.Category = value.Trim();
                    break;
                case ConsoleColumn.Sender:
                    fields.Sender = value.Trim();
                    break;
                case ConsoleColumn.ProcessId:
                    if (int.TryParse(value.Trim(), out var pid))
                    {
                        fields.ProcessId = pid;
                    }

                    break;
                case ConsoleColumn.ThreadId:
                    fields.ThreadId = NumberText.ParseThreadId(value.Trim());
                    break;
            }

            if (tab < 0)
            {
                break;
            }
        }

        fields.EventType = LogEventType.LogEvent;
        return sawTime || !Array.Exists(columns, c => c == ConsoleColumn.Time);
    }

    private static ConsoleColumn ColumnFor(ReadOnlySpan<char> name)
    {
        Span<char> lower = stackalloc char[32];
        if (name.Length > lower.Length)
        {
            return ConsoleColumn.Other;
        }

        var n = name.ToLowerInvariant(lower);
        return lower[..n] switch
        {
            "type" or "level" or "message type" or "typ" or "tipo" => ConsoleColumn.Level,
            "time" or "timestamp" or "date" or "date & time" or "date and time" or "heure" or "horodatage" or "zeit" or "hora" or "ora" => ConsoleColumn.Time,
            "process" or "processus" or "prozess" or "proceso" or "processo" => ConsoleColumn.Process,
            "message" or "nachricht" or "mensaje" or "messaggio" or "mensagem" => ConsoleColumn.Message,
            "subsystem" or "sous-système" or "subsistema" or "sottosistema" => ConsoleColumn.Subsystem,
            "category" or "catégorie" or "kategorie" or "categoría" or "categoria" => ConsoleColumn.Category,
            "pid" or "process id" => ConsoleColumn.ProcessId,
            "tid" or "thread" or "thread id" => ConsoleColumn.ThreadId,
            "library" or "sender" or "image" or "bibliothèque" or "bibliothek" or "biblioteca" => ConsoleColumn.Sender,
            "activity" or "activité" or "aktivität" or "actividad" or "attività" or "atividade" => ConsoleColumn.Other,
            _ => ConsoleColumn.Other,
        };
    }
}
