namespace CallKitDoctor.Logging.Reading;

/// <summary>One boot of the device seen in the log: its boot UUID and the first and last entry logged in it.</summary>
/// <param name="BootUuid">The boot UUID from the tracev3 headers.</param>
/// <param name="First">Wall time of the boot's earliest entry.</param>
/// <param name="Last">Wall time of the boot's latest entry.</param>
/// <param name="Entries">Entries logged in this boot.</param>
public sealed record BootSession(Guid BootUuid, DateTimeOffset? First, DateTimeOffset? Last, long Entries);
