using System.Buffers;
using System.Diagnostics;
using System.Globalization;
using System.Runtime;
using CallKitDoctor.Diagnosis;
using CallKitDoctor.Diagnosis.Events;
using CallKitDoctor.Diagnosis.Flows;
using CallKitDoctor.Diagnosis.Reports;
using CallKitDoctor.Diagnosis.Rules;
using CallKitDoctor.Diagnosis.Signatures;
using CallKitDoctor.Diagnosis.Streaming;
using CallKitDoctor.Logging.Reading;

namespace CallKitDoctor.Benchmarks;

/// <summary>
/// <c>measure FILE [ROUNDS]</c>: times the pipeline's stages on a log file in one process (read, read and cut the
/// message, read and match, whole diagnosis), in wall time and in this process's CPU time, which stays meaningful
/// when other processes share the cores. The best of <c>ROUNDS</c> is printed per stage. With
/// <c>CALLKIT_DOCTOR_STAGES=STAGE[,STAGE…]</c> only the named stages run, every round is printed (the first one pays
/// for start-up and tiered compilation, as a whole process does), and the retained-memory, phase and scan analyses
/// are skipped.
/// </summary>
public static class StageTimer
{
    /// <summary>The variable that names the stages to run.</summary>
    public const string StagesVariable = "CALLKIT_DOCTOR_STAGES";

    public static int Run(string path, int rounds)
    {
        var selected = Environment.GetEnvironmentVariable(StagesVariable)?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var stages = new (string Name, Func<long> Work)[]
        {
            ("read", () => Read(path, touchMessage: false)),
            ("read+message", () => Read(path, touchMessage: true)),
            ("read+screen", () => Screened(path)),
            ("read+scan", () => Scan(path)),
            ("read+match", () => Match(path)),
            ("diagnose", () => CallDiagnoser.CreateDefault().Diagnose(LogSources.Open(path)).Input.Lines),
            ("diagnose-stream", () => CallDiagnoser.CreateDefault().Diagnose(LogSources.Open(path), new CountingSink()).Input.Lines),
            ("diagnose-once", () => new CallDiagnoser(SignatureMatcher.Default, DiagnosisOptions.Default with { CutEpisodes = false })
                .Diagnose(LogSources.Open(path)).Input.Lines),
        };

        Console.WriteLine("stage          lines      wall_s   cpu_s    lines/s(wall)  lines/s(cpu)  alloc_B/line");
        foreach (var (name, work) in stages)
        {
            if (selected is not null && !selected.Contains(name))
            {
                continue;
            }

            var best = (Wall: double.MaxValue, Cpu: double.MaxValue, Lines: 0L, Alloc: 0L);
            for (var round = 0; round < rounds; round++)
            {
                GC.Collect();
                var process = Process.GetCurrentProcess();
                var cpu0 = process.TotalProcessorTime;
                var alloc0 = GC.GetTotalAllocatedBytes(precise: true);
                var (jit0, jitted0, pause0, gen0) = (JitInfo.GetCompilationTime(), JitInfo.GetCompiledMethodCount(), GC.GetTotalPauseDuration(), GC.CollectionCount(0));
                var threads0 = ThreadTimes();
                var clock = Stopwatch.StartNew();
                var lines = work();
                var wall = clock.Elapsed.TotalSeconds;
                process.Refresh();
                var cpu = (process.TotalProcessorTime - cpu0).TotalSeconds;
                var alloc = GC.GetTotalAllocatedBytes(precise: true) - alloc0;
                if (selected is not null)
                {
                    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                        $"  round {round + 1}: {wall:F2} wall_s {cpu:F2} cpu_s; jit {(JitInfo.GetCompilationTime() - jit0).TotalSeconds:F2} s for {JitInfo.GetCompiledMethodCount() - jitted0} methods; " +
                        $"gc pauses {(GC.GetTotalPauseDuration() - pause0).TotalSeconds:F2} s in {GC.CollectionCount(0) - gen0} collections; " +
                        $"{Busiest(threads0, ThreadTimes())}"));
                }

                if (cpu < best.Cpu)
                {
                    best = (wall, cpu, lines, alloc);
                }
            }

            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{name,-14} {best.Lines,-10} {best.Wall,-8:F2} {best.Cpu,-8:F2} {best.Lines / best.Wall,-14:F0} {best.Lines / best.Cpu,-13:F0} {best.Alloc / (double)Math.Max(1, best.Lines),-12:F0}"));
        }

        if (selected is not null)
        {
            return 0;
        }

        Retained(path, DiagnosisOptions.Default);
        Retained(path, DiagnosisOptions.Default with { CutEpisodes = false });
        Phases(path);
        ScanVariants(path);
        return 0;
    }

    /// <summary>What a finished report keeps alive on the managed heap, in all and per call.</summary>
    private static void Retained(string path, DiagnosisOptions options)
    {
        var before = GC.GetTotalMemory(forceFullCollection: true);
        var report = new CallDiagnoser(SignatureMatcher.Default, options).Diagnose(LogSources.Open(path));
        var after = GC.GetTotalMemory(forceFullCollection: true);
        var findings = report.AllFindings.ToList();
        var retained = after - before;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"report ({(options.CutEpisodes ? "episodes" : "at once")}): {report.Episodes} episodes, {report.Calls.Count} calls, " +
            $"{report.Calls.Sum(c => c.Events.Count)} call events, {report.OtherEvents.Count} other events, {findings.Count} findings, " +
            $"{findings.Sum(f => f.Evidence.Count)} evidence lines, late {report.LateEvents}; retained {retained / 1e6:F1} MB, " +
            $"{retained / (double)Math.Max(1, report.Calls.Count):F0} B per call"));
        GC.KeepAlive(report);
    }

    /// <summary>The anchor pre-filter over messages held in memory, with the anchors in one set or split into sets.</summary>
    private static void ScanVariants(string path)
    {
        var messages = LogSources.Open(path).ReadEntries().Take(300_000).Select(e => e.EventMessage).ToArray();
        var keys = SignatureMatcher.Default.SearchKeys.ToArray();
        foreach (var size in new[] { keys.Length, 64, 32, 16, 8 })
        {
            var sets = keys.Chunk(size).Select(c => SearchValues.Create(c, StringComparison.Ordinal)).ToArray();
            Timed(string.Create(CultureInfo.InvariantCulture, $"scan 300k messages, sets of {size}"), () =>
            {
                var hits = 0;
                for (var round = 0; round < 3; round++)
                {
                    foreach (var m in messages)
                    {
                        foreach (var set in sets)
                        {
                            if (m.AsSpan().IndexOfAny(set) >= 0)
                            {
                                hits++;
                                break;
                            }
                        }
                    }
                }

                return hits;
            });
        }

        Console.WriteLine("anchor lengths: " + string.Join(",", keys.Select(k => k.Length).Order()));
    }

    /// <summary>The diagnosis after matching, phase by phase (flows, each rule, verdicts), in CPU seconds.</summary>
    private static void Phases(string path)
    {
        var source = LogSources.Open(path);
        var matcher = SignatureMatcher.Default;
        var coverage = new LogCoverage();
        var events = new List<CallEvent>();
        foreach (var entry in source.ReadEntries())
        {
            coverage.Observe(entry);
            if (matcher.Match(entry) is { } e)
            {
                events.Add(e);
            }
        }

        var options = DiagnosisOptions.Default;
        var timeline = Timed("timeline", () => new EventTimeline(events));
        var flows = Timed("flows", () => new CallFlowBuilder(options).Build(timeline));
        var context = Timed("rule context", () => new RuleContext(flows, coverage, options));
        foreach (var rule in RuleSet.Default)
        {
            Timed(rule.GetType().Name, () => { rule.Analyze(context); return 0; });
        }

        Timed("verdicts", () => { VerdictAssigner.Assign(context); return 0; });
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"events {events.Count}, calls {flows.Calls.Count}"));
    }

    private static T Timed<T>(string name, Func<T> work)
    {
        var process = Process.GetCurrentProcess();
        var cpu0 = process.TotalProcessorTime;
        var result = work();
        process.Refresh();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {name,-40} {(process.TotalProcessorTime - cpu0).TotalSeconds:F3} cpu_s"));
        return result;
    }

    /// <summary>CPU time of each live thread of this process, by thread id.</summary>
    private static Dictionary<int, TimeSpan> ThreadTimes()
    {
        var times = new Dictionary<int, TimeSpan>();
        foreach (ProcessThread thread in Process.GetCurrentProcess().Threads)
        {
            try
            {
                times[thread.Id] = thread.TotalProcessorTime;
            }
            catch (InvalidOperationException)
            {
                // The thread ended meanwhile.
            }
        }

        return times;
    }

    /// <summary>
    /// The CPU seconds the calling (main) thread spent between two snapshots: with read-ahead on a machine with a free
    /// core, a stage's wall time is about the larger of this and the worker's share of the rest.
    /// </summary>
    private static string Busiest(Dictionary<int, TimeSpan> before, Dictionary<int, TimeSpan> after)
    {
        var main = Environment.ProcessId;
        var spent = after.GetValueOrDefault(main) - before.GetValueOrDefault(main);
        return string.Create(CultureInfo.InvariantCulture, $"main thread {spent.TotalSeconds:F2} cpu_s");
    }

    /// <summary>Counts the streamed calls and lets them go: the diagnosis without a report writer.</summary>
    private sealed class CountingSink : ICallSink
    {
        public long Calls { get; private set; }

        public void Accept(CallFlow call) => Calls++;
    }

    private static long Read(string path, bool touchMessage)
    {
        var source = LogSources.Open(path);
        long sum = 0;
        foreach (var entry in source.ReadEntries())
        {
            sum += touchMessage ? entry.EventMessage.Length : 1;
        }

        return sum >= 0 ? source.Summary.Lines : 0;
    }

    /// <summary>Reading with the matcher as the reader's screen: entries it rules out are not built (as the diagnosis reads).</summary>
    private static long Screened(string path)
    {
        var source = LogSources.Open(path);
        if (source is not IScreenedEntrySource screened)
        {
            return Read(path, touchMessage: false);
        }

        long kept = 0;
        foreach (var entry in screened.ReadEntries(SignatureMatcher.Default))
        {
            kept += entry.IsScreenedOut ? 0 : 1;
        }

        return kept >= 0 ? source.Summary.Lines : 0;
    }

    /// <summary>Reading plus the matcher's anchor pre-filter alone (one multi-string search per message).</summary>
    private static long Scan(string path)
    {
        var source = LogSources.Open(path);
        var anchors = SearchValues.Create([.. SignatureMatcher.Default.SearchKeys], StringComparison.Ordinal);
        long hits = 0;
        foreach (var entry in source.ReadEntries())
        {
            if (entry.EventMessage.AsSpan().IndexOfAny(anchors) >= 0)
            {
                hits++;
            }
        }

        Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  ({SignatureMatcher.Default.SearchKeys.Count} anchors; {hits} messages contain one)"));
        return hits >= 0 ? source.Summary.Lines : 0;
    }

    private static long Match(string path)
    {
        var source = LogSources.Open(path);
        var matcher = SignatureMatcher.Default;
        long matched = 0;
        foreach (var entry in source.ReadEntries())
        {
            if (matcher.Match(entry) is not null)
            {
                matched++;
            }
        }

        return matched >= 0 ? source.Summary.Lines : 0;
    }
}
