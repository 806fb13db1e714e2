namespace CallKitDoctor.Cli.Progress;

/// <summary>What a progress display counts towards its total.</summary>
public enum ProgressUnit
{
    /// <summary>Bytes of an input read (<c>show</c>, <c>diagnose</c>); entries are counted alongside.</summary>
    Bytes,

    /// <summary>Inputs done of a batch (<c>fleet</c> over logs and sysdiagnoses).</summary>
    Items,
}
