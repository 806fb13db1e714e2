namespace CallKitDoctor.Logging.Entries;

/// <summary>
/// One frame of an entry's <c>backtrace</c> as <c>log show --style ndjson</c> names it: the image the frame lies in
/// (<c>imageUUID</c>, all zeros when unknown) and the offset of the frame inside that image (<c>imageOffset</c>).
/// </summary>
public readonly record struct BacktraceFrame(Guid ImageUuid, ulong ImageOffset);
