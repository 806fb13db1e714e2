using System.Text;
using CallKitDoctor.Diagnosis.Events;
using CallKitDoctor.Diagnosis.Findings;
using CallKitDoctor.Diagnosis.Flows;
using CallKitDoctor.Diagnosis.Reports;
using CallKitDoctor.Logging.Entries;
using CallKitDoctor.Logging.Reading;

namespace CallKitDoctor.Reports.Tests.Fixtures;

/// <summary>
/// Reports built from a seed with text that stresses a text layout: long words, runs of spaces, tabs, line breaks,
/// wide and combining characters, emoji, lone surrogates, escapes and no-break spaces, next to plain log words.
/// </summary>
internal static class RandomReports
{
    private static readonly string[] Pieces =
    [
        "callservicesd", "AVAudioSession_iOS.mm:597", "Creating", "proxy", "session", "failed,", "ID", "=", "0x0", "<private>",
        "setActive:YES", "didActivate", "par défaut", "erreur", "naïve", "’quoted’", "—", "…", "·", "→",
        "a", "bb", "x", "0F8FAD5B-D9CB-469F-A165-70867728950E",
        "supercalifragilisticexpialidocious-and-then-some-more-to-overflow-any-line-width-we-try-here",
        "   ", "  ", "\t", "\n", "\r\n", "\r", "\u00a0", "漢字", "テスト", "😀", "e\u0301", "\u200b", "\u001b[31m", "\u0001",
        "\ud800", "\udc00", "[red]markup[/]", "|", "`", "\u2028", "ﾊﾝｶｸ", "Ａ",
    ];

    public static DiagnosisReport Build(int seed)
    {
        var random = new Random(seed);
        var plain = seed % 3 == 0;
        string Text(int maxWords)
        {
            var builder = new StringBuilder();
            var words = random.Next(0, maxWords + 1);
            for (var i = 0; i < words; i++)
            {
                var piece = Pieces[random.Next(plain ? 25 : Pieces.Length)];
                builder.Append(piece);
                if (random.Next(4) != 0)
                {
                    builder.Append(' ');
                }
            }

            return builder.ToString();
        }

        var zone = TimeSpan.FromMinutes(random.Next(-12 * 4, 14 * 4) * 15);
        LogTimestamp? Time() => random.Next(10) == 0
            ? null
            : new LogTimestamp(new DateTime(2025, 1, 1).AddTicks((long)(random.NextDouble() * TimeSpan.TicksPerDay * 400)), zone);

        var input = new LogReadSummary
        {
            Source = random.Next(5) == 0 ? "-" : "/tmp/" + Text(2).Replace('/', '_') + ".log",
            Format = (LogInputFormat)random.Next(0, 12),
            Lines = random.Next(0, 3_000_000),
            Entries = random.Next(0, 3_000_000),
            UnparsedLines = random.Next(3) == 0 ? 0 : random.Next(1, 5000),
        };
        for (var i = 0; i < Math.Min(input.UnparsedLines, 7); i++)
        {
            input.UnparsedLineNumbers.Add(random.Next(1, 100000));
        }

        for (var i = random.Next(0, 14); i > 0; i--)
        {
            input.Add(new LogReadIssue(random.Next(2) == 0 ? LogReadIssueSeverity.Warning : LogReadIssueSeverity.Error, input.Source, Text(12), random.Next(1, 1000)));
        }

        var context = new CaptureContext
        {
            OsVersion = random.Next(2) == 0 ? null : Text(3),
            OsBuild = random.Next(2) == 0 ? null : Text(1),
            DeviceModel = random.Next(2) == 0 ? null : Text(2),
            AppName = random.Next(2) == 0 ? null : Text(2),
            AppVersion = random.Next(2) == 0 ? null : Text(1),
        };
        var report = new DiagnosisReport { Input = input, Context = context, Coverage = new LogCoverage(), RecognisedEvents = random.Next(0, 100000) };
        var kinds = Enum.GetValues<EventKind>();
        var calls = random.Next(0, 5);
        for (var c = 1; c <= calls; c++)
        {
            var call = new CallFlow
            {
                Index = c * random.Next(1, 30000),
                Direction = (CallDirection)random.Next(0, 3),
                AppProcess = random.Next(4) == 0 ? null : Text(2),
                CallUuid = random.Next(2) == 0 ? null : new Guid(random.Next(), (short)random.Next(), (short)random.Next(), 1, 2, 3, 4, 5, 6, 7, 8),
                Verdict = (CallVerdict)random.Next(0, 5),
                VerdictReason = random.Next(4) == 0 ? null : Text(40),
            };
            var events = random.Next(0, 12);
            for (var i = 0; i < events; i++)
            {
                var entry = new LogEntry(random.Next(10) == 0 ? "" : Text(30))
                {
                    Timestamp = Time(),
                    Process = random.Next(8) == 0 ? null : Text(random.Next(1, 4)),
                    Location = InputLocation.Lines(input.Source, random.Next(1, 100000), 0),
                };
                var e = new CallEvent { Kind = kinds[random.Next(kinds.Length)], Actor = (EventActor)random.Next(0, 5), SignatureId = "s." + i, Entry = entry };
                call.Events.Add(e);
                if (report.Coverage.First is null || random.Next(3) == 0)
                {
                    report.Coverage.Observe(entry);
                }
            }

            for (var f = random.Next(0, 4); f > 0; f--)
            {
                call.Findings.Add(RandomFinding(random, Text, call.Events));
            }

            report.Calls.Add(call);
        }

        for (var f = random.Next(0, 3); f > 0; f--)
        {
            report.Findings.Add(RandomFinding(random, Text, []));
        }

        return report;
    }

    private static Finding RandomFinding(Random random, Func<int, string> text, IReadOnlyList<CallEvent> events)
    {
        var severity = (FindingSeverity)random.Next(0, 3);
        var descriptor = new DiagnosticDescriptor("rule-" + random.Next(100), text(8), severity, text(30), random.Next(4) == 0 ? "" : text(50));
        var evidence = new List<Evidence>();
        for (var i = random.Next(0, 3); i > 0; i--)
        {
            var lines = string.Join("\n", Enumerable.Range(0, random.Next(1, 12)).Select(_ => text(25)));
            evidence.Add(new Evidence(InputLocation.Lines(random.Next(3) == 0 ? "" : "/var/log/" + text(1) + ".log", random.Next(1, 9999), 0), null, null, lines,
                random.Next(2) == 0 ? null : text(6)));
        }

        if (events.Count > 0 && random.Next(2) == 0)
        {
            evidence.Add(Evidence.From(events[random.Next(events.Count)].Entry, random.Next(2) == 0 ? null : text(3)));
        }

        return new Finding(descriptor, severity, random.Next(5) == 0 ? "" : text(40), evidence, 1);
    }
}
