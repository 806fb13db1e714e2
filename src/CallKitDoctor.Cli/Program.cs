namespace CallKitDoctor.Cli;

/// <summary>The <c>callkit-doctor</c> entry point: a thin shell over the diagnosis and report libraries.</summary>
public static class Program
{
    public static int Main(string[] args)
    {
        Console.Error.WriteLine("callkit-doctor: commands are being wired up; see README.md.");
        return args.Length == 0 ? 2 : 2;
    }
}
