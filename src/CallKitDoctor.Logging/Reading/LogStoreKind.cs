namespace CallKitDoctor.Logging.Reading;

/// <summary>The stores of a logarchive, each kept for a different time (Persist longest, HighVolume shortest).</summary>
public enum LogStoreKind
{
    /// <summary>A tracev3 file outside the known store folders.</summary>
    Other = 0,

    /// <summary><c>Persist/</c>: default and error/fault messages.</summary>
    Persist,

    /// <summary><c>Special/</c>: messages with their own lifetime (faults, errors, state dumps of some processes).</summary>
    Special,

    /// <summary><c>Signpost/</c>: signposts.</summary>
    Signpost,

    /// <summary><c>HighVolume/</c>: subsystems marked high volume.</summary>
    HighVolume,

    /// <summary><c>logdata.LiveData.tracev3</c>: the in-memory buffers written at capture time (info/debug included).</summary>
    LiveData,
}
