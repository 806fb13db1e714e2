using System.Text;
using BenchmarkDotNet.Running;

namespace CallKitDoctor.Benchmarks;

/// <summary>
/// <c>generate FILE LINES [NOISE_PER_FLOW]</c> writes a benchmark log; anything else runs BenchmarkDotNet
/// (e.g. <c>--filter *</c>).
/// </summary>
public static class Program
{
    public static int Main(string[] args)
    {
        if (args.Length >= 3 && args[0] == "generate")
        {
            var lines = long.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture);
            var noise = args.Length > 3 ? int.Parse(args[3], System.Globalization.CultureInfo.InvariantCulture) : 200;
            using var writer = new StreamWriter(args[1], false, new UTF8Encoding(false), 1 << 16);
            new BenchLogBuilder(BenchInputs.ProductionFlow(), noise).Write(writer, lines);
            return 0;
        }

        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
        return 0;
    }
}
