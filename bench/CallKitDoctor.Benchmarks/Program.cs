using System.Text;
using BenchmarkDotNet.Running;

namespace CallKitDoctor.Benchmarks;

/// <summary>
/// <c>generate FILE LINES [NOISE_PER_FLOW]</c> writes a benchmark log; <c>unified-archive DIR MB</c> writes a logarchive
/// folder of at least MB megabytes of tracev3 whose format strings all resolve (<see cref="Scenarios.Bench.BenchArchiveWriter"/>); <c>measure FILE [ROUNDS]</c> times the
/// pipeline's stages on it (see <see cref="StageTimer"/>); anything else runs BenchmarkDotNet (e.g. <c>--filter *</c>).
/// </summary>
public static class Program
{
    public static int Main(string[] args)
    {
        if (args.Length >= 3 && args[0] == "generate")
        {
            var lines = long.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture);
            var noise = args.Length > 3 ? int.Parse(args[3], System.Globalization.CultureInfo.InvariantCulture) : BenchLogBuilder.DenseNoisePerFlow;
            using var writer = new StreamWriter(args[1], false, new UTF8Encoding(false), 1 << 16);
            new BenchLogBuilder(BenchInputs.ProductionFlow(), noise).Write(writer, lines);
            return 0;
        }

        if (args.Length >= 3 && args[0] == "unified-archive")
        {
            var summary = new Scenarios.Bench.BenchArchiveWriter().Write(args[1], long.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture) * 1024 * 1024);
            Console.WriteLine($"{summary.TraceFiles} {summary.TraceBytes} {summary.Entries}");
            return 0;
        }

        if (args.Length >= 3 && args[0] == "generate-sysdiagnose")
        {
            return Sysdiagnose.BigSysdiagnoseGenerator.Run(args[1], int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture));
        }

        if (args.Length >= 2 && args[0] == "measure-sysdiagnose")
        {
            return Sysdiagnose.SysdiagnoseStages.Run(args[1], args.Length > 2 ? args[2] : null);
        }

        if (args.Length >= 2 && args[0] == "measure")
        {
            return StageTimer.Run(args[1], args.Length > 2 ? int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture) : 3);
        }

        Environment.SetEnvironmentVariable(BenchInputs.SamplesVariable, Path.GetDirectoryName(BenchInputs.Sample("seed-production-failure.log")));
        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
        return 0;
    }
}
