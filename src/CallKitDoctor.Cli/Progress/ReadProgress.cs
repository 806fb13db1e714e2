namespace CallKitDoctor.Cli.Progress;

/// <summary>
/// How far a read has got: bytes of the input read (of <see cref="TotalBytes"/>, 0 when unknown), entries read and the
/// time taken. For a batch (<see cref="ProgressUnit.Items"/>) the "bytes" are the inputs done of the total, and
/// <see cref="Current"/> names the last one.
/// </summary>
public readonly record struct ReadProgress(long BytesRead, long TotalBytes, long Entries, TimeSpan Elapsed, string? Current = null)
{
    /// <summary>Entries read per second so far (0 before any time has passed).</summary>
    public double EntriesPerSecond => Elapsed > TimeSpan.Zero ? Entries / Elapsed.TotalSeconds : 0;
}
