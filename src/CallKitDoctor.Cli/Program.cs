using CallKitDoctor.Cli.Commands;
using CallKitDoctor.Cli.Hosting;

namespace CallKitDoctor.Cli;

/// <summary>The <c>callkit-doctor</c> entry point: a thin shell over the diagnosis and report libraries.</summary>
public static class Program
{
    public static int Main(string[] args)
    {
        using var environment = CliEnvironment.FromProcess();
        return CliApplication.Run(args, environment);
    }
}
