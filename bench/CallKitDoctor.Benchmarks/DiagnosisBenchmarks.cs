using BenchmarkDotNet.Attributes;
using CallKitDoctor.Diagnosis;
using CallKitDoctor.Diagnosis.Signatures;
using CallKitDoctor.Logging.Entries;
using CallKitDoctor.Logging.Reading;

namespace CallKitDoctor.Benchmarks;

/// <summary>
/// The text diagnosis pipeline's stages on the same 100,000-line log: reading alone, reading and matching, and the
/// whole diagnosis, for the dense mix (about 15% call events) and the realistic one (under 1%, as in a sysdiagnose).
/// Compare the ratios within one run (the machines are noisy).
/// </summary>
[MemoryDiagnoser]
public class DiagnosisBenchmarks
{
    private const int Lines = 100_000;
    private string _text = "";
    private LogEntry[] _entries = [];

    /// <summary>Chatter lines between two repetitions of the call flow.</summary>
    [Params(BenchLogBuilder.DenseNoisePerFlow, BenchLogBuilder.RealisticNoisePerFlow)]
    public int NoisePerFlow { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _text = new BenchLogBuilder(BenchInputs.ProductionFlow(), NoisePerFlow).Build(Lines);
        _entries = [.. LogSources.FromText(_text, "bench.log").ReadEntries()];
    }

    [Benchmark(Baseline = true)]
    public long Read()
    {
        long n = 0;
        foreach (var entry in LogSources.FromText(_text, "bench.log").ReadEntries())
        {
            n += entry.EventMessage.Length;
        }

        return n;
    }

    [Benchmark]
    public int Match()
    {
        var matcher = SignatureMatcher.Default;
        var n = 0;
        foreach (var entry in _entries)
        {
            if (matcher.Match(entry) is not null)
            {
                n++;
            }
        }

        return n;
    }

    [Benchmark]
    public int Diagnose() => CallDiagnoser.CreateDefault().Diagnose(LogSources.FromText(_text, "bench.log")).Calls.Count;
}
