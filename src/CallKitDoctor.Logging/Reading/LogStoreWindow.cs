namespace CallKitDoctor.Logging.Reading;

/// <summary>
/// The time one log store covers: its earliest and latest entry. An event before <see cref="First"/> was not logged
/// in this store (the store had rotated), which is different from "did not happen".
/// </summary>
/// <param name="Store">Which store.</param>
/// <param name="First">Wall time of the earliest entry with a time.</param>
/// <param name="Last">Wall time of the latest entry with a time.</param>
/// <param name="Entries">Entries read from the store.</param>
/// <param name="Files">tracev3 files the entries came from.</param>
public sealed record LogStoreWindow(LogStoreKind Store, DateTimeOffset? First, DateTimeOffset? Last, long Entries, int Files);
