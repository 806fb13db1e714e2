namespace CallKitDoctor.Cli.Commands;

/// <summary>The process exit codes (documented in the README).</summary>
public static class ExitCodes
{
    /// <summary>Diagnosed; no finding named by <c>--fail-on</c> occurred.</summary>
    public const int Success = 0;

    /// <summary>A finding named by <c>--fail-on</c> occurred.</summary>
    public const int FailOnFinding = 1;

    /// <summary>Bad usage or unreadable input (one-line reason on stderr).</summary>
    public const int UsageOrInput = 2;

    /// <summary>A bug in callkit-doctor (one-line reason on stderr).</summary>
    public const int InternalError = 3;

    /// <summary>Interrupted (Ctrl+C), as shells report SIGINT.</summary>
    public const int Cancelled = 130;
}
